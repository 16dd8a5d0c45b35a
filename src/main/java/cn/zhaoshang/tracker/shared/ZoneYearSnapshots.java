package cn.zhaoshang.tracker.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * A zone-year report as the history stands now, to be frozen (a monthly submission) or compared with one frozen
 * before: its figures are the report's fields without its clocks. The report slice answers it; it lives in the kernel
 * so that a slice the reports read from (the audit's) may also read what is frozen from them.
 */
public interface ZoneYearSnapshots {

    Snapshot now(String zoneId, int year, LocalDate asOf);

    /** {@code figures}: the zone-year report's JSON without year, asOf, knownAt, position and positionHash. */
    record Snapshot(long position, String positionHash, ObjectNode figures) {}
}
