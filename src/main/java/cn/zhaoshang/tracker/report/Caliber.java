package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.report.Caliber.Cause.AMENDMENT;
import static cn.zhaoshang.tracker.report.Caliber.Cause.COHORT_AMENDMENT;
import static cn.zhaoshang.tracker.report.Caliber.Cause.COHORT_DOMESTIC_ARRIVAL;
import static cn.zhaoshang.tracker.report.Caliber.Cause.COHORT_LANDING;
import static cn.zhaoshang.tracker.report.Caliber.Cause.COHORT_PRODUCTION;
import static cn.zhaoshang.tracker.report.Caliber.Cause.COHORT_TERMINATION;
import static cn.zhaoshang.tracker.report.Caliber.Cause.DOMESTIC_ARRIVAL;
import static cn.zhaoshang.tracker.report.Caliber.Cause.FOREIGN_ARRIVAL;
import static cn.zhaoshang.tracker.report.Caliber.Cause.LANDING;
import static cn.zhaoshang.tracker.report.Caliber.Cause.MEMBERSHIP;
import static cn.zhaoshang.tracker.report.Caliber.Cause.PRODUCTION;
import static cn.zhaoshang.tracker.report.Caliber.Cause.SIGNING;
import static cn.zhaoshang.tracker.report.Caliber.Cause.TARGET;
import static cn.zhaoshang.tracker.report.Caliber.Cause.TERMINATION;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * 口径: every figure a zone-year shows, defined once. A figure has a key (its path in the API's JSON: the zone-year
 * report's field, or {@code pipeline.…} in the pipeline view), a unit, the value it takes from a zone-year's views,
 * and the kinds of recorded change that can move it. Its name and definition are the messages {@code caliber.<key>}
 * and {@code caliber.<key>.what}. The dashboard, "then and now" and the 月报 workbook list their figures from here;
 * docs/reports.md says the same in prose.
 *
 * <p>Two ways of counting a stage are both kept, under different names: what happened in the window (landings dated
 * in the year, whatever year the project was signed) and how far the window's signings have come by {@code asOf}.
 * The cohort's size is {@link #PROJECTS_SIGNED} itself ({@code pipeline.signed} is always the same number).
 */
enum Caliber {
    PROJECTS_SIGNED(
            Group.IN_PERIOD, "projectsSigned", Unit.COUNT, v -> count(v.report().projectsSigned()), MEMBERSHIP),
    TOP500_PROJECTS(
            Group.IN_PERIOD, "top500Projects", Unit.COUNT, v -> count(v.report().top500Projects()), SIGNING),
    CONTRACT_INVESTMENT(
            Group.IN_PERIOD,
            "contractInvestmentCny",
            Unit.YI,
            v -> v.report().contractInvestmentCny(),
            SIGNING,
            AMENDMENT),
    FOREIGN_CAPITAL(
            Group.IN_PERIOD,
            "foreignCapitalArrivedUsd",
            Unit.WAN_USD,
            v -> v.report().foreignCapitalArrivedUsd(),
            FOREIGN_ARRIVAL),
    DOMESTIC_CAPITAL(
            Group.IN_PERIOD,
            "domesticCapitalArrivedCny",
            Unit.WAN_CNY,
            v -> v.report().domesticCapitalArrivedCny(),
            DOMESTIC_ARRIVAL),
    PROJECTS_LANDED(
            Group.IN_PERIOD, "projectsLanded", Unit.COUNT, v -> count(v.report().projectsLanded()), LANDING),
    PROJECTS_IN_PRODUCTION(
            Group.IN_PERIOD,
            "projectsInProduction",
            Unit.COUNT,
            v -> count(v.report().projectsInProduction()),
            PRODUCTION),
    PROJECTS_TERMINATED(
            Group.IN_PERIOD,
            "projectsTerminated",
            Unit.COUNT,
            v -> count(v.report().projectsTerminated()),
            TERMINATION),

    CONTRACT_TARGET(
            Group.TARGETS,
            "targets.contractInvestmentCny",
            Unit.YI,
            v -> v.report().targets().contractInvestmentCny(),
            TARGET),
    CONTRACT_COMPLETION(
            Group.TARGETS,
            "contractInvestmentCompletion",
            Unit.PERCENT,
            v -> v.report().contractInvestmentCompletion(),
            SIGNING,
            AMENDMENT,
            TARGET),
    FOREIGN_TARGET(
            Group.TARGETS,
            "targets.foreignCapitalUsd",
            Unit.WAN_USD,
            v -> v.report().targets().foreignCapitalUsd(),
            TARGET),
    FOREIGN_COMPLETION(
            Group.TARGETS,
            "foreignCapitalCompletion",
            Unit.PERCENT,
            v -> v.report().foreignCapitalCompletion(),
            FOREIGN_ARRIVAL,
            TARGET),
    PROJECT_COUNT_TARGET(
            Group.TARGETS,
            "targets.projectCount",
            Unit.COUNT,
            v -> count(v.report().targets().projectCount()),
            TARGET),
    PROJECT_COUNT_COMPLETION(
            Group.TARGETS,
            "projectCountCompletion",
            Unit.PERCENT,
            v -> v.report().projectCountCompletion(),
            MEMBERSHIP,
            TARGET),

    CITY_ZONES(
            Group.CITY, "city.zones", Unit.ZONES, v -> count(v.report().city().zones())),
    CITY_FOREIGN_CAPITAL(
            Group.CITY,
            "city.foreignCapitalArrivedUsd",
            Unit.WAN_USD,
            v -> v.report().city().foreignCapitalArrivedUsd(),
            FOREIGN_ARRIVAL),
    CITY_SHARE(
            Group.CITY,
            "city.foreignCapitalShare",
            Unit.SHARE,
            v -> v.report().city().foreignCapitalShare(),
            FOREIGN_ARRIVAL),
    CITY_RANK(Group.CITY, "city.foreignCapitalRank", Unit.RANK, v -> count(rankShown(v.report())), FOREIGN_ARRIVAL),

    COHORT_LANDED(
            Group.COHORT, "pipeline.landed", Unit.COUNT, v -> count(v.pipeline().landed()), MEMBERSHIP, COHORT_LANDING),
    COHORT_IN_PRODUCTION(
            Group.COHORT,
            "pipeline.inProduction",
            Unit.COUNT,
            v -> count(v.pipeline().inProduction()),
            MEMBERSHIP,
            COHORT_PRODUCTION),
    COHORT_TERMINATED(
            Group.COHORT,
            "pipeline.terminated",
            Unit.COUNT,
            v -> count(v.pipeline().terminated()),
            MEMBERSHIP,
            COHORT_TERMINATION),
    FULFILMENT_RATE(
            Group.COHORT,
            "pipeline.fulfilmentRate",
            Unit.RATE,
            v -> v.pipeline().fulfilmentRate(),
            MEMBERSHIP,
            COHORT_TERMINATION),
    LANDING_RATE(
            Group.COHORT,
            "pipeline.landingRate",
            Unit.RATE,
            v -> v.pipeline().landingRate(),
            MEMBERSHIP,
            COHORT_LANDING),
    PRODUCTION_RATE(
            Group.COHORT,
            "pipeline.productionRate",
            Unit.RATE,
            v -> v.pipeline().productionRate(),
            MEMBERSHIP,
            COHORT_PRODUCTION),
    COHORT_CONTRACT_INVESTMENT(
            Group.COHORT,
            "pipeline.cohortContractInvestmentCny",
            Unit.YI,
            v -> v.pipeline().cohortContractInvestmentCny(),
            SIGNING,
            COHORT_AMENDMENT),
    COHORT_DOMESTIC_CAPITAL(
            Group.COHORT,
            "pipeline.cohortDomesticCapitalArrivedCny",
            Unit.WAN_CNY,
            v -> v.pipeline().cohortDomesticCapitalArrivedCny(),
            MEMBERSHIP,
            COHORT_DOMESTIC_ARRIVAL),
    CAPITAL_ARRIVAL_RATE(
            Group.COHORT,
            "pipeline.capitalArrivalRate",
            Unit.RATE,
            v -> v.pipeline().capitalArrivalRate(),
            SIGNING,
            COHORT_AMENDMENT,
            COHORT_DOMESTIC_ARRIVAL),
    MEDIAN_DAYS_TO_LANDING(
            Group.COHORT,
            "pipeline.medianDaysSignedToLanded",
            Unit.DAYS,
            v -> count(v.pipeline().medianDaysSignedToLanded()),
            SIGNING,
            COHORT_LANDING),
    MEDIAN_DAYS_TO_PRODUCTION(
            Group.COHORT,
            "pipeline.medianDaysLandedToProduction",
            Unit.DAYS,
            v -> count(v.pipeline().medianDaysLandedToProduction()),
            MEMBERSHIP,
            COHORT_LANDING,
            COHORT_PRODUCTION);

    /** Which part of a report a figure belongs to; {@code caliber.group.<name>} heads it. */
    enum Group {
        /** What happened in the window, counted by the date it happened. */
        IN_PERIOD,
        /** The annual targets (全年任务) and the completion of each. */
        TARGETS,
        /** This zone among the zones of its city, by foreign capital received. */
        CITY,
        /** The projects signed in the window, followed up to asOf. */
        COHORT
    }

    /** How a figure is counted and written; {@code caliber.unit.<name>} is the unit as a reader sees it. */
    enum Unit {
        /** Projects. */
        COUNT("0", BigDecimal.ONE),
        /** Zones of a city. */
        ZONES("0", BigDecimal.ONE),
        /** Yuan, written in 亿元. */
        YI("#,##0.00", new BigDecimal("100000000")),
        /** US dollars, written in 万美元. */
        WAN_USD("#,##0.00", new BigDecimal("10000")),
        /** Yuan, written in 万元. */
        WAN_CNY("#,##0.00", new BigDecimal("10000")),
        /** Completion of a target (actual ÷ target), a whole percentage: 2.0686 → 207%. */
        PERCENT("0%", BigDecimal.ONE),
        /** A share of the city, one decimal: 0.294 → 29.4%. */
        SHARE("0.0%", BigDecimal.ONE),
        /** A rate of the cohort, one decimal. */
        RATE("0.0%", BigDecimal.ONE),
        RANK("\"第\"0", BigDecimal.ONE),
        DAYS("0", BigDecimal.ONE);

        /** The Excel number format of a cell holding the figure in this unit. */
        final String excelFormat;
        /** What the stored value is divided by to be written in this unit. */
        final BigDecimal divisor;

        Unit(String excelFormat, BigDecimal divisor) {
            this.excelFormat = excelFormat;
            this.divisor = divisor;
        }

        boolean isRatio() {
            return this == PERCENT || this == SHARE || this == RATE;
        }
    }

    /**
     * What can move a figure between two positions: a fact of this kind recorded or withdrawn in between. A fact
     * dated in the window moves the window's figures; a fact of a project signed in the window, dated up to asOf,
     * moves the cohort's figures (a fact can be both).
     */
    enum Cause {
        /** A signing dated in the window recorded or withdrawn: its amount, list or industry may have changed. */
        SIGNING,
        /** A signing entered or left the window: the set of the window's signings (the cohort) changed. */
        MEMBERSHIP,
        AMENDMENT,
        LANDING,
        PRODUCTION,
        TERMINATION,
        FOREIGN_ARRIVAL,
        DOMESTIC_ARRIVAL,
        TARGET,
        COHORT_AMENDMENT,
        COHORT_LANDING,
        COHORT_PRODUCTION,
        COHORT_TERMINATION,
        COHORT_DOMESTIC_ARRIVAL
    }

    private final Group group;
    private final String key;
    private final Unit unit;
    private final Function<ZoneYearViews, BigDecimal> value;
    private final Set<Cause> causes;

    Caliber(Group group, String key, Unit unit, Function<ZoneYearViews, BigDecimal> value, Cause... causes) {
        this.group = group;
        this.key = key;
        this.unit = unit;
        this.value = value;
        this.causes = causes.length == 0 ? EnumSet.noneOf(Cause.class) : EnumSet.copyOf(Arrays.asList(causes));
    }

    public Group group() {
        return group;
    }

    /** The figure's path in the API's JSON, and the key of its name among the messages. */
    public String key() {
        return key;
    }

    Unit unit() {
        return unit;
    }

    Set<Cause> causes() {
        return causes;
    }

    /** The figure, as stored (yuan, dollars, a ratio of 4 decimals); null where it has none (no target, no rank). */
    BigDecimal of(ZoneYearViews views) {
        return value.apply(views);
    }

    /** The message key of the figure's name. */
    String nameKey() {
        return "caliber." + key;
    }

    /** The message key of the figure's definition (its 口径). */
    String definitionKey() {
        return "caliber." + key + ".what";
    }

    static List<Caliber> of(Group group) {
        return Arrays.stream(values()).filter(figure -> figure.group == group).toList();
    }

    /**
     * The zone's rank in its city as the pages and the workbook show it: the contract's rank (1 + zones with strictly
     * more foreign capital), or none when the zone received no foreign capital in the window, since a zone with
     * nothing is not first among zones with nothing.
     */
    static Integer rankShown(ZoneYearReport report) {
        return rankShown(report.foreignCapitalArrivedUsd(), report.city().foreignCapitalRank());
    }

    static Integer rankShown(BigDecimal foreignCapitalArrivedUsd, int rank) {
        return foreignCapitalArrivedUsd.signum() == 0 ? null : rank;
    }

    private static BigDecimal count(Number value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
