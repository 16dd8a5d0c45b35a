package cn.zhaoshang.tracker.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiFunction;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for leadership. Every one honours both clocks: {@code asOf} (business date, default today) and
 * {@code knownAt} (recording instant, default now), or {@code atPosition} for the history as it ended there.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "报表 / Reports")
class ReportController {

    private static final String YEAR = "{form.year}";

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    /** The query parameters every report takes. */
    record Clocks(
            @Parameter(description = "业务日期截止（默认今天）/ business date cut-off, default today")
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = "记录时间截止（默认现在）/ recording cut-off, default now")
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    OffsetDateTime knownAt,
            @Parameter(description = "历史截止的全局位置 / the global position the history ended at")
                    @Min(value = 0, message = "{form.notNegative}")
                    Long atPosition) {

        @AssertTrue(message = "{form.knownAtYear}")
        public boolean isKnownAtInRange() {
            return knownAt == null || (knownAt.getYear() >= 1900 && knownAt.getYear() <= 9999);
        }

        @AssertTrue(message = "{form.asOfYear}")
        public boolean isAsOfInRange() {
            return asOf == null || (asOf.getYear() >= 1900 && asOf.getYear() <= 9999);
        }

        ReportPoint resolve(Reports reports) {
            return reports.point(asOf, knownAt == null ? null : knownAt.toInstant(), atPosition);
        }
    }

    @GetMapping("/zones/{zoneId}/years/{year}")
    @Operation(summary = "开发区年度报表 / A zone's figures for a year")
    ZoneYearReport zoneYear(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @Valid @ParameterObject Clocks clocks) {
        return reports.zoneYear(zoneId, year, clocks.resolve(reports));
    }

    @GetMapping("/cities/{city}/years/{year}")
    @Operation(summary = "全市各开发区排名 / A city's zones ranked by foreign capital received")
    CityReport city(
            @PathVariable String city,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @Valid @ParameterObject Clocks clocks) {
        return reports.city(city, year, clocks.resolve(reports));
    }

    @GetMapping("/zones/{zoneId}/years/{year}/workbook.xlsx")
    @Operation(
            summary = "月报工作簿（.xlsx）：年度报表与各视图，亿元/万美元与完成率，注明 position 与 positionHash / "
                    + "The monthly report workbook, stamped with position and positionHash")
    ResponseEntity<byte[]> workbook(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @Valid @ParameterObject Clocks clocks) {
        return MonthlyReportWorkbook.at(reports, zoneId, year, clocks.resolve(reports))
                .response();
    }

    record View<T>(String zoneId, int year, LocalDate asOf, Instant knownAt, Long position, T data) {}

    @GetMapping("/zones/{zoneId}/years/{year}/monthly")
    @Operation(summary = "逐月签约投资额与到位外资 / Monthly signed investment and foreign capital received")
    View<List<DashboardViews.Month>> monthly(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @Valid @ParameterObject Clocks clocks) {
        return view(
                zoneId,
                year,
                clocks,
                false,
                (facts, point) -> DashboardViews.monthly(facts, point.yearStart(year), point.yearEnd(year)));
    }

    @GetMapping("/zones/{zoneId}/years/{year}/industries")
    @Operation(summary = "按产业链分布 / Projects signed by industry")
    View<List<DashboardViews.IndustryShare>> industries(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @Valid @ParameterObject Clocks clocks) {
        return view(
                zoneId,
                year,
                clocks,
                false,
                (facts, point) -> DashboardViews.industries(facts, point.yearStart(year), point.yearEnd(year)));
    }

    @GetMapping("/zones/{zoneId}/years/{year}/pipeline")
    @Operation(summary = "签约→落地→投产转化（履约率、开工率、投产率、到位率）/ Pipeline from signing to production")
    View<DashboardViews.Pipeline> pipeline(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @Valid @ParameterObject Clocks clocks) {
        return view(
                zoneId,
                year,
                clocks,
                true,
                (facts, point) ->
                        DashboardViews.pipeline(facts, point.yearStart(year), point.yearEnd(year), point.asOf()));
    }

    @GetMapping("/zones/{zoneId}/years/{year}/top500")
    @Operation(summary = "“三类500强”投资方 / Top-500 investors of the year")
    View<List<DashboardViews.Top500Investor>> top500(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @Valid @ParameterObject Clocks clocks) {
        return view(
                zoneId,
                year,
                clocks,
                false,
                (facts, point) -> DashboardViews.top500(facts, point.yearStart(year), point.yearEnd(year)));
    }

    /** A dashboard view: the year's facts (or, to follow a cohort, all facts up to asOf) at the clocks' point. */
    private <T> View<T> view(
            String zoneId,
            int year,
            Clocks clocks,
            boolean followUpToAsOf,
            BiFunction<List<Fact>, ReportPoint, T> compute) {
        ReportPoint point = clocks.resolve(reports);
        List<Fact> facts = reports.facts(zoneId, followUpToAsOf ? point.asOf() : point.yearEnd(year), point);
        return new View<>(zoneId, year, point.asOf(), point.knownAt(), point.position(), compute.apply(facts, point));
    }
}
