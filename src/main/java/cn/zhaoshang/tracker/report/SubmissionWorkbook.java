package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.submission.api.SubmittedMonths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 月报 workbook of a submission: the zone-year as of the month's last day at the submission's position, so the
 * same bytes at every download (governance.md §3).
 */
@RestController
@Tag(name = "报送与审核 / Submissions and reviews")
class SubmissionWorkbook {

    private final Reports reports;
    private final MonthlyReportWorkbook workbooks;
    private final SubmittedMonths submitted;

    SubmissionWorkbook(Reports reports, MonthlyReportWorkbook workbooks, SubmittedMonths submitted) {
        this.reports = reports;
        this.workbooks = workbooks;
        this.submitted = submitted;
    }

    @GetMapping("/api/submissions/{id}/workbook.xlsx")
    @Operation(summary = "报送的月报工作簿，每次下载字节相同 / A submission's monthly report workbook, the same bytes every time")
    ResponseEntity<byte[]> workbook(@PathVariable String id) {
        SubmittedMonths.Frozen month = submitted
                .find(id)
                .orElseThrow(() -> new NotFound("报送 %s 不存在 / unknown submission %s".formatted(id, id)));
        return workbooks.download(month.zoneId(), month.year(), reports.point(month.asOf(), null, month.position()));
    }
}
