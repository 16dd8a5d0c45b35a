package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.shared.ZoneYearSnapshots;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The zone-year report of the API, as a snapshot: the same JSON, its clocks apart. */
@Component
class Snapshots implements ZoneYearSnapshots {

    /** The report's own clocks: they say when and where it was computed, not what it counts. */
    static final List<String> CLOCKS = List.of("year", "asOf", "knownAt", "position", "positionHash", "checkpoint");

    private final Reports reports;
    private final ReportRows rows;
    private final ObjectMapper json;

    Snapshots(Reports reports, ReportRows rows, ObjectMapper json) {
        this.reports = reports;
        this.rows = rows;
        this.json = json;
    }

    @Override
    public Snapshot now(String zoneId, int year, LocalDate asOf) {
        return snapshot(reports.zoneYear(zoneId, year, reports.point(asOf, null, null)));
    }

    @Override
    public Since since(String zoneId, int year, LocalDate asOf, long after) {
        ZoneYearViews now = reports.views(zoneId, year, reports.point(asOf, null, null));
        long upTo = now.report().position() == null ? 0 : now.report().position();
        Map<String, List<Long>> causes = new LinkedHashMap<>();
        if (after < upTo) {
            List<ReportDifferences.Changed> changes = ReportDifferences.changed(
                    rows.changes(zoneId, now.from(), now.until(), now.asOf(), after, upTo),
                    rows.targetChanges(zoneId, year, after, upTo),
                    after,
                    upTo,
                    now.from(),
                    now.until());
            for (Caliber figure : Caliber.values()) {
                TreeSet<Long> positions = new TreeSet<>();
                changes.stream()
                        .filter(change -> figure.causes().contains(change.cause()))
                        .forEach(change -> positions.add(change.position()));
                if (!positions.isEmpty()) {
                    causes.put(figure.key(), List.copyOf(positions));
                }
            }
        }
        return new Since(snapshot(now.report()), causes);
    }

    private Snapshot snapshot(ZoneYearReport report) {
        ObjectNode figures = json.valueToTree(report);
        figures.remove(CLOCKS);
        return new Snapshot(report.position(), report.positionHash(), figures);
    }
}
