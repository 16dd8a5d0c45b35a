package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.shared.ZoneYearSnapshots;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The zone-year report of the API, as a snapshot: the same JSON, its clocks apart. */
@Component
class Snapshots implements ZoneYearSnapshots {

    /** The report's own clocks: they say when and where it was computed, not what it counts. */
    static final List<String> CLOCKS = List.of("year", "asOf", "knownAt", "position", "positionHash");

    private final Reports reports;
    private final ObjectMapper json;

    Snapshots(Reports reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @Override
    public Snapshot now(String zoneId, int year, LocalDate asOf) {
        ZoneYearReport report = reports.zoneYear(zoneId, year, reports.point(asOf, null, null));
        ObjectNode figures = json.valueToTree(report);
        figures.remove(CLOCKS);
        return new Snapshot(report.position(), report.positionHash(), figures);
    }
}
