package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.shared.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private static final String MONTH = "{form.month}";

    private final Reports reports;
    private final MonthlyReportWorkbook workbooks;
    private final AcceptedReports accepted;

    ReportController(Reports reports, MonthlyReportWorkbook workbooks, AcceptedReports accepted) {
        this.accepted = accepted;
        this.reports = reports;
        this.workbooks = workbooks;
    }

    /** The query parameters every report takes, read and checked by {@link ClocksParameters}. */
    record Clocks(
            @Parameter(description = "业务日期截止（默认今天）/ business date cut-off, default today") LocalDate asOf,
            @Parameter(
                            description = "记录时间截止（默认现在）：时刻 2024-01-05T08:00:00+08:00，或日期 2024-01-05"
                                    + "（北京时间当日零点）/ recording cut-off, default now: an instant with its offset,"
                                    + " or a date, meaning the start of that day in Beijing time")
                    String knownAt,
            @Parameter(
                            description = "历史截止的全局位置 / the global position the history ended at",
                            schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                    Long atPosition) {

        ReportPoint resolve(Reports reports) {
            return reports.point(asOf, KnownAt.parse(knownAt).orElse(null), atPosition);
        }
    }

    @GetMapping("/zones/{zoneId}/years/{year}")
    @Operation(summary = "开发区年度报表 / A zone's figures for a year")
    ZoneYearReport zoneYear(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @ParameterObject Clocks clocks) {
        return reports.zoneYear(zoneId, year, clocks.resolve(reports));
    }

    @GetMapping("/cities/{city}/years/{year}")
    @Operation(summary = "全市各开发区排名 / A city's zones ranked by foreign capital received")
    Object city(
            @PathVariable String city,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @ParameterObject Clocks clocks,
            @RequestParam(defaultValue = "live") String basis,
            @RequestParam(required = false) @Min(value = 1, message = MONTH) @Max(value = 12, message = MONTH)
                    Integer month) {
        return official(basis, month)
                ? accepted.city(city, year, month)
                : reports.city(city, year, clocks.resolve(reports));
    }

    @GetMapping("/provinces/{provinceId}/years/{year}")
    @Operation(
            summary = "全省各城市、各开发区排名 / A province's cities and zones ranked by foreign capital received, each zone"
                    + " with its zone-year figures")
    Object province(
            @PathVariable String provinceId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @ParameterObject Clocks clocks,
            @RequestParam(defaultValue = "live") String basis,
            @RequestParam(required = false) @Min(value = 1, message = MONTH) @Max(value = 12, message = MONTH)
                    Integer month) {
        return official(basis, month)
                ? accepted.province(provinceId, year, month)
                : reports.province(provinceId, year, clocks.resolve(reports));
    }

    /**
     * {@code basis=accepted} (with a month): the figures the zones reported and the reviewers accepted for that month;
     * {@code live} (the default): the history as it stands, at the clocks asked for.
     */
    private static boolean official(String basis, Integer month) {
        if (AcceptedReports.BASIS.equals(basis)) {
            if (month == null) {
                throw new InvalidField(
                        "month", "basis=accepted 须指明月份 month / basis=accepted needs the month (month=1..12)");
            }
            return true;
        }
        if (!"live".equals(basis)) {
            throw new InvalidField("basis", "basis 须为 live 或 accepted / basis is live or accepted");
        }
        return false;
    }

    @GetMapping("/zones/{zoneId}/years/{year}/workbook.xlsx")
    @Operation(
            summary = "月报工作簿（.xlsx）：年度报表、逐月、产业链、转化、三类500强、口径说明；页脚与文档属性注明 position 与 "
                    + "positionHash / The monthly report workbook; its footer and properties carry position and "
                    + "positionHash")
    ResponseEntity<byte[]> workbook(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @ParameterObject Clocks clocks) {
        return workbooks.download(zoneId, year, clocks.resolve(reports));
    }

    record View<T>(String zoneId, int year, LocalDate asOf, Instant knownAt, Long position, T data) {}

    @GetMapping("/zones/{zoneId}/years/{year}/monthly")
    @Operation(
            summary =
                    "逐月合同投资额（含增减资）与实际到位外资 / Contracted investment (with amendments) and foreign capital received by month")
    View<List<DashboardViews.Month>> monthly(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @ParameterObject Clocks clocks) {
        return view(zoneId, year, clocks, ZoneYearViews::monthly);
    }

    @GetMapping("/zones/{zoneId}/years/{year}/industries")
    @Operation(summary = "按产业链：引进项目数与合同投资额 / Projects signed and contracted investment by industry")
    View<List<DashboardViews.IndustryShare>> industries(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @ParameterObject Clocks clocks) {
        return view(zoneId, year, clocks, ZoneYearViews::industries);
    }

    @GetMapping("/zones/{zoneId}/years/{year}/pipeline")
    @Operation(summary = "当年签约项目截至业务日期的进展（履约率、开工率、投产率、内资到位率）/ The year's signings followed up to asOf")
    View<DashboardViews.Pipeline> pipeline(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @ParameterObject Clocks clocks) {
        return view(zoneId, year, clocks, ZoneYearViews::pipeline);
    }

    @GetMapping("/zones/{zoneId}/years/{year}/top500")
    @Operation(summary = "“三类500强”投资方 / Top-500 investors of the year")
    View<List<DashboardViews.Top500Investor>> top500(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR) int year,
            @ParameterObject Clocks clocks) {
        return view(zoneId, year, clocks, ZoneYearViews::top500);
    }

    /** A dashboard view, taken from the zone-year's views at the clocks' point. */
    private <T> View<T> view(String zoneId, int year, Clocks clocks, Function<ZoneYearViews, T> data) {
        ReportPoint point = clocks.resolve(reports);
        return new View<>(
                zoneId,
                year,
                point.asOf(),
                point.knownAt(),
                point.position(),
                data.apply(reports.views(zoneId, year, point)));
    }
}
