package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.platform.Page;
import cn.zhaoshang.tracker.warning.api.FlaggedProjects;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 领导驾驶舱: one zone's year as tiles and charts. The page polls {@code /dashboard/data} and redraws itself when the
 * history has moved on. Without a choice it shows the configured zone and year (the demo: Songmu, 2023).
 */
@Page
@Validated
class DashboardPage {

    private static final String YEAR = "{form.year}";

    private final Reports reports;
    private final DashboardTiles tiles;
    private final FlaggedProjects flagged;
    private final Clock clock;
    private final String defaultZone;
    private final Integer defaultYear;

    DashboardPage(
            Reports reports,
            DashboardTiles tiles,
            FlaggedProjects flagged,
            Clock clock,
            @Value("${tracker.dashboard.zone:}") String defaultZone,
            @Value("${tracker.dashboard.year:#{null}}") Integer defaultYear) {
        this.reports = reports;
        this.tiles = tiles;
        this.flagged = flagged;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.defaultYear = defaultYear;
    }

    record Data(
            String zoneId,
            String zoneName,
            int year,
            LocalDate asOf,
            Long position,
            String positionHash,
            List<DashboardTiles.Tile> tiles,
            List<DashboardViews.Month> monthly,
            List<DashboardViews.IndustryShare> industries,
            DashboardViews.Pipeline pipeline,
            CityReport city,
            List<FlaggedProjects.Flagged> flagged) {}

    @GetMapping("/dashboard")
    String page(
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,40}") String zone,
            @RequestParam(required = false) @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR)
                    Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Locale locale,
            Model model) {
        ReportPoint point = reports.point(asOf, null, null);
        List<ReportRows.Zone> zones = reports.zones(point);
        model.addAttribute("zones", zones);
        model.addAttribute("years", years());
        model.addAttribute("asOfGiven", asOf);
        String chosen = zone != null ? zone : defaultZone(zones);
        if (chosen == null) {
            return "dashboard-empty";
        }
        model.addAttribute("data", data(chosen, year == null ? defaultYear() : year, point, locale));
        return "dashboard";
    }

    @GetMapping(value = "/dashboard/data", produces = "application/json")
    @ResponseBody
    Data data(
            @RequestParam @Pattern(regexp = "[a-z0-9-]{1,40}") String zone,
            @RequestParam @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Locale locale) {
        return data(zone, year, reports.point(asOf, null, null), locale);
    }

    private Data data(String zoneId, int year, ReportPoint point, Locale locale) {
        ZoneYearReport report = reports.zoneYear(zoneId, year, point);
        List<Fact> yearFacts = reports.facts(zoneId, point.yearEnd(year), point);
        List<Fact> cohortFacts = reports.facts(zoneId, point.asOf(), point);
        CityReport city = reports.city(report.city().city(), year, point);
        String name = city.zones().stream()
                .filter(line -> line.zoneId().equals(zoneId))
                .map(CityReport.ZoneLine::name)
                .findFirst()
                .orElse(zoneId);
        return new Data(
                zoneId,
                name,
                year,
                point.asOf(),
                report.position(),
                report.positionHash(),
                tiles.of(report, locale),
                DashboardViews.monthly(yearFacts, point.yearStart(year), point.yearEnd(year)),
                DashboardViews.industries(yearFacts, point.yearStart(year), point.yearEnd(year)),
                DashboardViews.pipeline(cohortFacts, point.yearStart(year), point.yearEnd(year), point.asOf()),
                city,
                flagged.of(zoneId, LocalDate.now(clock)));
    }

    /** The 月报 workbook of what the dashboard shows, stamped with its position and hash. */
    @GetMapping("/dashboard/workbook.xlsx")
    ResponseEntity<byte[]> workbook(
            @RequestParam @Pattern(regexp = "[a-z0-9-]{1,40}") String zone,
            @RequestParam @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return MonthlyReportWorkbook.at(reports, zone, year, reports.point(asOf, null, null))
                .response();
    }

    private String defaultZone(List<ReportRows.Zone> zones) {
        if (zones.stream().anyMatch(known -> known.zoneId().equals(defaultZone))) {
            return defaultZone;
        }
        return zones.isEmpty() ? null : zones.get(0).zoneId();
    }

    private int defaultYear() {
        return defaultYear != null ? defaultYear : LocalDate.now(clock).getYear();
    }

    private List<Integer> years() {
        int now = LocalDate.now(clock).getYear();
        return java.util.stream.IntStream.rangeClosed(now - 9, now + 1)
                .boxed()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
    }
}
