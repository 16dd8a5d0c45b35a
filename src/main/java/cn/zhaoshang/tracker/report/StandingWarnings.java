package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 履约预警 as they stood on a business date: the zone's projects still followed that day (not producing, not
 * terminated), coloured by the zone's rules ({@link WarningRules#colour}, the same rule the warning saga applies as
 * the days pass). On today's date this is the warning slice's list of flagged projects; on an earlier date it is
 * what that list would have held then, from the facts as now known.
 */
final class StandingWarnings {

    private StandingWarnings() {}

    record Warning(
            String projectId,
            String name,
            WarningColour colour,
            WarningKind kind,
            LocalDate since,
            LocalDate dueOn,
            long daysOverdue) {}

    /** From the zone's facts dated up to {@code day}: red first, then by the day they fell due. */
    static List<Warning> on(List<Fact> facts, WarningRules rules, LocalDate day) {
        Map<String, Fact> signings = new HashMap<>();
        Map<String, LocalDate> landed = new HashMap<>();
        Map<String, Boolean> ended = new HashMap<>();
        for (Fact fact : facts) {
            if (fact.businessDate().isAfter(day)) {
                continue;
            }
            switch (fact.kind()) {
                case SIGNING -> signings.put(fact.projectId(), fact);
                case LANDING -> landed.put(fact.projectId(), fact.businessDate());
                case PRODUCTION, TERMINATION -> ended.put(fact.projectId(), true);
                case AMENDMENT, ARRIVAL -> {
                    // money does not move a warning
                }
            }
        }
        List<Warning> warnings = new ArrayList<>();
        for (Fact signing : signings.values()) {
            String project = signing.projectId();
            if (ended.containsKey(project)) {
                continue;
            }
            WarningKind kind = landed.containsKey(project) ? WarningKind.NOT_IN_PRODUCTION : WarningKind.NOT_LANDED;
            LocalDate since = kind == WarningKind.NOT_LANDED ? signing.businessDate() : landed.get(project);
            rules.colour(kind, since, day).ifPresent(colour -> {
                LocalDate dueOn = since.plusDays(rules.yellowDays(kind));
                warnings.add(new Warning(
                        project,
                        signing.projectName(),
                        colour,
                        kind,
                        since,
                        dueOn,
                        ChronoUnit.DAYS.between(dueOn, day)));
            });
        }
        warnings.sort(Comparator.comparing((Warning warning) -> warning.colour().name())
                .thenComparing(Warning::dueOn)
                .thenComparing(Warning::projectId));
        return List.copyOf(warnings);
    }
}
