package cn.zhaoshang.tracker.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A zone-year report as the history stands now, to be frozen (a monthly submission) or compared with one frozen
 * before: its figures are the report's fields without its clocks. The report slice answers it; it lives in the kernel
 * so that a slice the reports read from (the audit's) may also read what is frozen from them.
 */
public interface ZoneYearSnapshots {

    Snapshot now(String zoneId, int year, LocalDate asOf);

    /**
     * The report now, with the events recorded after {@code after} that can have moved each of its figures (the same
     * links "then and now" shows): figure key ({@code city.foreignCapitalShare} for a nested one) → positions.
     */
    Since since(String zoneId, int year, LocalDate asOf, long after);

    /** {@code figures}: the zone-year report's JSON without year, asOf, knownAt, position and positionHash. */
    record Snapshot(long position, String positionHash, ObjectNode figures) {}

    record Since(Snapshot now, Map<String, List<Long>> causes) {}
}
