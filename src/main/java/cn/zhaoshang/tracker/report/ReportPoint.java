package cn.zhaoshang.tracker.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The two clocks of a report resolved to rows: {@code asOf} cuts by business date, {@code knownAt} (or an explicit
 * {@code atPosition}) by recording, as the global position up to which events count. {@code position} is null
 * when nothing had been recorded by then.
 */
record ReportPoint(LocalDate asOf, Instant knownAt, Long position) {

    long positionOrZero() {
        return position == null ? 0 : position;
    }

    LocalDate yearStart(int year) {
        return LocalDate.of(year, 1, 1);
    }

    /** The last business date of the year that counts: 31 December, or asOf if earlier. */
    LocalDate yearEnd(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return asOf.isBefore(end) ? asOf : end;
    }
}
