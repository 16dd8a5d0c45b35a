package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A zone-year as known then beside the same zone-year known now, figure by figure for every figure of
 * {@link Caliber}, each differing figure with the positions of the events that can have moved it (a fact of the kind
 * the figure counts, recorded or withdrawn in between).
 */
final class ReportDifferences {

    private ReportDifferences() {}

    record Changed(long position, Caliber.Cause cause) {}

    /** One figure; {@code then} is null when the report could not be made then (the zone was not known yet). */
    record Row(Caliber figure, BigDecimal then, BigDecimal now, boolean differs, List<Long> positions) {

        public String key() {
            return figure.key();
        }
    }

    static List<Row> of(ZoneYearViews then, ZoneYearViews now, List<Changed> changes) {
        List<Row> rows = new ArrayList<>();
        for (Caliber figure : Caliber.values()) {
            BigDecimal before = then == null ? null : figure.of(then);
            BigDecimal after = figure.of(now);
            boolean differs = !same(before, after);
            TreeSet<Long> positions = new TreeSet<>();
            if (differs) {
                changes.stream()
                        .filter(change -> figure.causes().contains(change.cause()))
                        .forEach(change -> positions.add(change.position()));
            }
            rows.add(new Row(figure, before, after, differs, List.copyOf(positions)));
        }
        return rows;
    }

    /**
     * Each fact row counts at the position that recorded it and at the one that withdrew it, if in between, once
     * for each kind of figure it can move: as a fact dated in the window [from, until], and as a fact of the cohort.
     * A position that adds a signing to the window without withdrawing one (or the other way round) changes which
     * projects are counted ({@link Caliber.Cause#MEMBERSHIP}); a correction that replaces a signing in the window by
     * another in the window changes only its facts.
     */
    static List<Changed> changed(
            List<ReportRows.Change> rows, List<Long> targets, long after, long upTo, LocalDate from, LocalDate until) {
        List<Changed> changes = new ArrayList<>();
        Map<Long, Integer> windowSignings = new HashMap<>();
        for (ReportRows.Change row : rows) {
            boolean signing = row.kind() == FactKind.SIGNING && within(row, from, until);
            for (Caliber.Cause cause : causes(row, from, until)) {
                if (row.recordedPosition() > after && row.recordedPosition() <= upTo) {
                    changes.add(new Changed(row.recordedPosition(), cause));
                    if (signing && cause == Caliber.Cause.SIGNING) {
                        windowSignings.merge(row.recordedPosition(), 1, Integer::sum);
                    }
                }
                Long superseded = row.supersededPosition();
                if (superseded != null && superseded > after && superseded <= upTo) {
                    changes.add(new Changed(superseded, cause));
                    if (signing && cause == Caliber.Cause.SIGNING) {
                        windowSignings.merge(superseded, -1, Integer::sum);
                    }
                }
            }
        }
        windowSignings.forEach((position, balance) -> {
            if (balance != 0) {
                changes.add(new Changed(position, Caliber.Cause.MEMBERSHIP));
            }
        });
        targets.forEach(position -> changes.add(new Changed(position, Caliber.Cause.TARGET)));
        return changes;
    }

    private static boolean within(ReportRows.Change row, LocalDate from, LocalDate until) {
        return !row.businessDate().isBefore(from) && !row.businessDate().isAfter(until);
    }

    private static Set<Caliber.Cause> causes(ReportRows.Change row, LocalDate from, LocalDate until) {
        boolean inWindow =
                !row.businessDate().isBefore(from) && !row.businessDate().isAfter(until);
        Set<Caliber.Cause> causes = EnumSet.noneOf(Caliber.Cause.class);
        switch (row.kind()) {
                // a signing outside the window is read only as the base of its project's amendment in the window
            case SIGNING -> causes.add(inWindow ? Caliber.Cause.SIGNING : Caliber.Cause.AMENDMENT);
            case AMENDMENT -> {
                // one dated before the window's end moves the window's change (an earlier one is its base)
                when(!row.businessDate().isAfter(until), causes, Caliber.Cause.AMENDMENT);
                when(row.cohort(), causes, Caliber.Cause.COHORT_AMENDMENT);
            }
            case LANDING -> {
                when(inWindow, causes, Caliber.Cause.LANDING);
                when(row.cohort(), causes, Caliber.Cause.COHORT_LANDING);
            }
            case PRODUCTION -> {
                when(inWindow, causes, Caliber.Cause.PRODUCTION);
                when(row.cohort(), causes, Caliber.Cause.COHORT_PRODUCTION);
            }
            case TERMINATION -> {
                when(inWindow, causes, Caliber.Cause.TERMINATION);
                when(row.cohort(), causes, Caliber.Cause.COHORT_TERMINATION);
            }
            case ARRIVAL -> {
                if ("FOREIGN".equals(row.capitalKind())) {
                    when(inWindow, causes, Caliber.Cause.FOREIGN_ARRIVAL);
                } else {
                    when(inWindow, causes, Caliber.Cause.DOMESTIC_ARRIVAL);
                    when(row.cohort(), causes, Caliber.Cause.COHORT_DOMESTIC_ARRIVAL);
                }
            }
        }
        return causes;
    }

    private static void when(boolean condition, Set<Caliber.Cause> causes, Caliber.Cause cause) {
        if (condition) {
            causes.add(cause);
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
