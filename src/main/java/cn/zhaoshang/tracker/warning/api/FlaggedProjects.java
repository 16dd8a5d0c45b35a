package cn.zhaoshang.tracker.warning.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The projects of a zone that carry a warning now, reddest and longest overdue first, and the rules behind them. */
public interface FlaggedProjects {

    List<Flagged> of(String zoneId, LocalDate today);

    /** The zone's rules in force: as last set, or the defaults. */
    WarningRules rulesOf(String zoneId);

    record Flagged(
            String projectId,
            String name,
            WarningColour colour,
            WarningKind kind,
            LocalDate since,
            LocalDate dueOn,
            long daysOverdue,
            Instant flaggedAt) {}
}
