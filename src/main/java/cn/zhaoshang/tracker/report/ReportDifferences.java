package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A zone-year report as known then beside the same report known now, figure by figure, each differing figure with
 * the positions of the events that can have moved it (a fact of the kind the figure counts, recorded or withdrawn
 * in between).
 */
final class ReportDifferences {

    private ReportDifferences() {}

    /** How a figure is written on the page. */
    enum Format {
        COUNT,
        YI,
        WAN,
        PERCENT,
        SHARE,
        RANK
    }

    /** What an event changed among the facts a report counts. */
    enum Cause {
        SIGNING,
        AMENDMENT,
        LANDING,
        PRODUCTION,
        TERMINATION,
        FOREIGN_ARRIVAL,
        DOMESTIC_ARRIVAL,
        TARGET
    }

    record Changed(long position, Cause cause) {}

    /** One figure; {@code then} is null when the report could not be made then (the zone was not known yet). */
    record Row(String key, Format format, BigDecimal then, BigDecimal now, boolean differs, List<Long> positions) {}

    private record Figure(String key, Format format, Function<ZoneYearReport, BigDecimal> value, Set<Cause> causes) {}

    private static final List<Figure> FIGURES = List.of(
            new Figure("projectsSigned", Format.COUNT, r -> count(r.projectsSigned()), EnumSet.of(Cause.SIGNING)),
            new Figure("top500Projects", Format.COUNT, r -> count(r.top500Projects()), EnumSet.of(Cause.SIGNING)),
            new Figure(
                    "contractInvestmentCny",
                    Format.YI,
                    ZoneYearReport::contractInvestmentCny,
                    EnumSet.of(Cause.SIGNING, Cause.AMENDMENT)),
            new Figure(
                    "contractInvestmentCompletion",
                    Format.PERCENT,
                    ZoneYearReport::contractInvestmentCompletion,
                    EnumSet.of(Cause.SIGNING, Cause.AMENDMENT, Cause.TARGET)),
            new Figure(
                    "foreignCapitalArrivedUsd",
                    Format.WAN,
                    ZoneYearReport::foreignCapitalArrivedUsd,
                    EnumSet.of(Cause.FOREIGN_ARRIVAL)),
            new Figure(
                    "foreignCapitalCompletion",
                    Format.PERCENT,
                    ZoneYearReport::foreignCapitalCompletion,
                    EnumSet.of(Cause.FOREIGN_ARRIVAL, Cause.TARGET)),
            new Figure(
                    "domesticCapitalArrivedCny",
                    Format.WAN,
                    ZoneYearReport::domesticCapitalArrivedCny,
                    EnumSet.of(Cause.DOMESTIC_ARRIVAL)),
            new Figure(
                    "projectCountCompletion",
                    Format.PERCENT,
                    ZoneYearReport::projectCountCompletion,
                    EnumSet.of(Cause.SIGNING, Cause.TARGET)),
            new Figure(
                    "foreignCapitalShare",
                    Format.SHARE,
                    r -> r.city().foreignCapitalShare(),
                    EnumSet.of(Cause.FOREIGN_ARRIVAL)),
            new Figure(
                    "foreignCapitalRank",
                    Format.RANK,
                    r -> count(r.city().foreignCapitalRank()),
                    EnumSet.of(Cause.FOREIGN_ARRIVAL)),
            new Figure("projectsLanded", Format.COUNT, r -> count(r.projectsLanded()), EnumSet.of(Cause.LANDING)),
            new Figure(
                    "projectsInProduction",
                    Format.COUNT,
                    r -> count(r.projectsInProduction()),
                    EnumSet.of(Cause.PRODUCTION)),
            new Figure(
                    "projectsTerminated",
                    Format.COUNT,
                    r -> count(r.projectsTerminated()),
                    EnumSet.of(Cause.TERMINATION)));

    static List<Row> of(ZoneYearReport then, ZoneYearReport now, List<Changed> changes) {
        List<Row> rows = new ArrayList<>();
        for (Figure figure : FIGURES) {
            BigDecimal before = then == null ? null : figure.value().apply(then);
            BigDecimal after = figure.value().apply(now);
            boolean differs = !same(before, after);
            TreeSet<Long> positions = new TreeSet<>();
            if (differs) {
                changes.stream()
                        .filter(change -> figure.causes().contains(change.cause()))
                        .forEach(change -> positions.add(change.position()));
            }
            rows.add(new Row(figure.key(), figure.format(), before, after, differs, List.copyOf(positions)));
        }
        return rows;
    }

    /** Each fact row counts at the position that recorded it and at the one that withdrew it, if in between. */
    static List<Changed> changed(List<ReportRows.Change> rows, List<Long> targets, long after, long upTo) {
        List<Changed> changes = new ArrayList<>();
        for (ReportRows.Change row : rows) {
            Cause cause = cause(row);
            if (row.recordedPosition() > after && row.recordedPosition() <= upTo) {
                changes.add(new Changed(row.recordedPosition(), cause));
            }
            Long superseded = row.supersededPosition();
            if (superseded != null && superseded > after && superseded <= upTo) {
                changes.add(new Changed(superseded, cause));
            }
        }
        targets.forEach(position -> changes.add(new Changed(position, Cause.TARGET)));
        return changes;
    }

    private static Cause cause(ReportRows.Change row) {
        return switch (row.kind()) {
            case SIGNING -> Cause.SIGNING;
            case AMENDMENT -> Cause.AMENDMENT;
            case LANDING -> Cause.LANDING;
            case PRODUCTION -> Cause.PRODUCTION;
            case TERMINATION -> Cause.TERMINATION;
            case ARRIVAL -> "FOREIGN".equals(row.capitalKind()) ? Cause.FOREIGN_ARRIVAL : Cause.DOMESTIC_ARRIVAL;
        };
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }

    private static BigDecimal count(int value) {
        return BigDecimal.valueOf(value);
    }
}
