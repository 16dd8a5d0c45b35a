package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.warning.api.FlaggedProjects;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 领导驾驶舱: one zone's year as tiles and charts, and the year's ranking of a province's cities and zones (the zone's
 * province unless another is chosen). The page polls {@code /dashboard/data} and redraws itself when the history has
 * moved on. Without a choice it shows the configured zone and year (the demo: Songmu, 2023). It shows the live history
 * unless asked for the official figures of a month ({@link AcceptedDashboard}).
 */
@Page
@Validated
class DashboardPage {

    private static final String YEAR = "{form.year}";
    private static final String MONTH = "{form.month}";
    private static final String SLUG = "[a-z0-9-]{1,40}";

    private final Reports reports;
    private final DashboardTiles tiles;
    private final ProvinceTables provinceTables;
    private final CaliberTexts calibers;
    private final MonthlyReportWorkbook workbooks;
    private final FlaggedProjects flagged;
    private final AcceptedDashboard accepted;
    private final ReportPageChoices choices;
    private final Clock clock;

    DashboardPage(
            Reports reports,
            DashboardTiles tiles,
            ProvinceTables provinceTables,
            CaliberTexts calibers,
            MonthlyReportWorkbook workbooks,
            FlaggedProjects flagged,
            AcceptedDashboard accepted,
            ReportPageChoices choices,
            Clock clock) {
        this.reports = reports;
        this.tiles = tiles;
        this.provinceTables = provinceTables;
        this.calibers = calibers;
        this.workbooks = workbooks;
        this.flagged = flagged;
        this.accepted = accepted;
        this.choices = choices;
        this.clock = clock;
    }

    /** A figure of the 口径 table: its name with unit, its value as written, its definition. */
    record Figure(String key, String group, String label, String value, String definition) {}

    /**
     * What the page shows, in the reader's language where it is words: the tiles, every figure of {@link Caliber}
     * with its 口径, the pipeline's rates with what each divides, the charts' data, and the warnings standing on
     * {@code asOf}.
     */
    record Data(
            String zoneId,
            String zoneName,
            int year,
            LocalDate asOf,
            Long position,
            String positionHash,
            String clocks,
            List<DashboardTiles.Tile> tiles,
            List<Figure> figures,
            String inYear,
            List<String> rates,
            List<DashboardViews.Month> monthly,
            List<DashboardViews.IndustryShare> industries,
            DashboardViews.Pipeline pipeline,
            CityReport city,
            List<String> cityLabels,
            String warningRules,
            List<StandingWarnings.Warning> flagged,
            ProvinceTables.Tables province) {}

    /**
     * {@code basis=accepted} shows the zone's accepted submission of {@code month} instead of the live history (the
     * last ended month of the year unless chosen).
     */
    @GetMapping("/dashboard")
    String page(
            @RequestParam(required = false) @Pattern(regexp = SLUG) String zone,
            @RequestParam(required = false) @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR)
                    Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @Pattern(regexp = SLUG) String province,
            @RequestParam(required = false) @Pattern(regexp = "live|accepted") String basis,
            @RequestParam(required = false) @Min(value = 1, message = MONTH) @Max(value = 12, message = MONTH)
                    Integer month,
            Locale locale,
            Model model,
            Reach reach) {
        ReportPoint point = reports.point(asOf, null, null);
        List<ReportRows.Zone> zones = reports.zones(point, reach);
        model.addAttribute("zones", zones);
        model.addAttribute(
                "provinces",
                zones.stream()
                        .map(ReportRows.Zone::province)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("years", choices.years());
        model.addAttribute("asOfGiven", asOf);
        String chosen = zone != null ? zone : choices.zone(zones);
        if (chosen == null) {
            return "dashboard-empty";
        }
        int chosenYear = year == null ? choices.year() : year;
        if ("accepted".equals(basis)) {
            String name = zones.stream()
                    .filter(known -> known.zoneId().equals(chosen))
                    .map(ReportRows.Zone::name)
                    .findFirst()
                    .orElse(chosen);
            model.addAttribute(
                    "accepted",
                    accepted.of(chosen, name, chosenYear, month == null ? lastEndedMonth(chosenYear) : month, locale));
            return "dashboard-accepted";
        }
        model.addAttribute("data", data(chosen, chosenYear, point, province, locale));
        return "dashboard";
    }

    @GetMapping(value = "/dashboard/data", produces = "application/json")
    @ResponseBody
    Data data(
            @RequestParam @Pattern(regexp = SLUG) String zone,
            @RequestParam @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @Pattern(regexp = SLUG) String province,
            Locale locale) {
        return data(zone, year, reports.point(asOf, null, null), province, locale);
    }

    /** The zone's figures and the ranking of {@code province}, or of the zone's own province when none is given. */
    private Data data(String zoneId, int year, ReportPoint point, String province, Locale locale) {
        ZoneYearViews views = reports.views(zoneId, year, point);
        ZoneYearReport report = views.report();
        DashboardViews.Pipeline pipeline = views.pipeline();
        CityReport city = reports.city(report.city().city(), year, point);
        WarningRules rules = flagged.rulesOf(zoneId);
        return new Data(
                zoneId,
                views.zoneName(),
                year,
                point.asOf(),
                report.position(),
                report.positionHash(),
                clocks(views, locale),
                tiles.of(report, locale),
                Arrays.stream(Caliber.values())
                        .map(figure -> new Figure(
                                figure.key(),
                                calibers.group(figure.group(), locale),
                                calibers.label(figure, locale),
                                calibers.value(figure, views, locale),
                                calibers.definition(figure, locale)))
                        .toList(),
                calibers.text(
                        "report.inYear",
                        locale,
                        report.projectsLanded(),
                        report.projectsInProduction(),
                        report.projectsTerminated()),
                rates(views, locale),
                views.monthly(),
                views.industries(),
                pipeline,
                city,
                city.zones().stream()
                        .map(line -> calibers.value(Caliber.CITY_RANK, rank(line), locale) + " " + line.name())
                        .toList(),
                calibers.text(
                        "caliber.warnings.what",
                        locale,
                        rules.notLandedYellowDays(),
                        rules.notLandedRedDays(),
                        rules.notInProductionYellowDays(),
                        rules.notInProductionRedDays()),
                StandingWarnings.on(reports.facts(zoneId, point.asOf(), point), rules, point.asOf()),
                provinceTables.of(
                        reports.province(province != null ? province : provinceOf(zoneId, point), year, point),
                        locale));
    }

    private String provinceOf(String zoneId, ReportPoint point) {
        return reports.zones(point).stream()
                .filter(zone -> zone.zoneId().equals(zoneId))
                .map(ReportRows.Zone::province)
                .findFirst()
                .orElseThrow();
    }

    private static BigDecimal rank(CityReport.ZoneLine line) {
        Integer rank = Caliber.rankShown(line.foreignCapitalArrivedUsd(), line.foreignCapitalRank());
        return rank == null ? null : BigDecimal.valueOf(rank);
    }

    /** The period and the two clocks the page's figures stand at, in words. */
    private String clocks(ZoneYearViews views, Locale locale) {
        String period = calibers.text(
                "caliber.period", locale, views.from().toString(), views.until().toString());
        Long position = views.report().position();
        String clocks = position == null
                ? calibers.text("caliber.clocks.empty", locale, views.asOf().toString())
                : calibers.text(
                        "caliber.clocks",
                        locale,
                        views.asOf().toString(),
                        String.valueOf(position),
                        reports.recordedAt(position)
                                .map(MonthlyReportWorkbook::beijingTime)
                                .orElse("—"));
        return period + " " + clocks;
    }

    /**
     * Each rate of the pipeline with what it divides: "开工率 90.9% = 已落地 20 ÷ 引进项目 22". A rate or a median
     * without a value says why ("开工率 —（当年没有签约项目）") rather than showing a division by zero.
     */
    private List<String> rates(ZoneYearViews views, Locale locale) {
        DashboardViews.Pipeline pipeline = views.pipeline();
        List<String> rates = new ArrayList<>();
        if (pipeline.signed() == 0) {
            for (Caliber rate : List.of(
                    Caliber.FULFILMENT_RATE,
                    Caliber.LANDING_RATE,
                    Caliber.PRODUCTION_RATE,
                    Caliber.CAPITAL_ARRIVAL_RATE)) {
                rates.add(none(rate, "report.none.signings", locale));
            }
        } else {
            rates.add(rate(
                    "report.rate.fulfilment",
                    Caliber.FULFILMENT_RATE,
                    views,
                    locale,
                    pipeline.signed(),
                    pipeline.terminated()));
            rates.add(rate(
                    "report.rate.landing", Caliber.LANDING_RATE, views, locale, pipeline.landed(), pipeline.signed()));
            rates.add(rate(
                    "report.rate.production",
                    Caliber.PRODUCTION_RATE,
                    views,
                    locale,
                    pipeline.inProduction(),
                    pipeline.signed()));
            rates.add(rate(
                    "report.rate.capital",
                    Caliber.CAPITAL_ARRIVAL_RATE,
                    views,
                    locale,
                    calibers.value(Caliber.COHORT_DOMESTIC_CAPITAL, views, locale),
                    calibers.value(Caliber.COHORT_CONTRACT_INVESTMENT, views, locale)));
        }
        rates.add(
                pipeline.medianDaysSignedToLanded() == null
                        ? none(Caliber.MEDIAN_DAYS_TO_LANDING, "report.none.landed", locale)
                        : rate("report.median.landing", Caliber.MEDIAN_DAYS_TO_LANDING, views, locale));
        rates.add(
                pipeline.medianDaysLandedToProduction() == null
                        ? none(Caliber.MEDIAN_DAYS_TO_PRODUCTION, "report.none.producing", locale)
                        : rate("report.median.production", Caliber.MEDIAN_DAYS_TO_PRODUCTION, views, locale));
        return rates;
    }

    /** A figure's value followed by what it is taken from, in the words of {@code key}. */
    private String rate(String key, Caliber figure, ZoneYearViews views, Locale locale, Object... takenFrom) {
        Object[] arguments = new Object[takenFrom.length + 1];
        arguments[0] = calibers.value(figure, views, locale);
        System.arraycopy(takenFrom, 0, arguments, 1, takenFrom.length);
        return calibers.text(key, locale, arguments);
    }

    private String none(Caliber figure, String why, Locale locale) {
        return calibers.text("report.none", locale, calibers.name(figure, locale), calibers.text(why, locale));
    }

    /** The 月报 workbook of what the dashboard shows. */
    @GetMapping("/dashboard/workbook.xlsx")
    ResponseEntity<byte[]> workbook(
            @RequestParam @Pattern(regexp = SLUG) String zone,
            @RequestParam @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return workbooks.download(zone, year, reports.point(asOf, null, null));
    }

    /** The month shown without a choice: December of a past year, last month in this one (January has none before it). */
    private int lastEndedMonth(int year) {
        LocalDate today = LocalDate.now(clock);
        if (year < today.getYear()) {
            return 12;
        }
        return year == today.getYear() ? Math.max(1, today.getMonthValue() - 1) : 1;
    }
}
