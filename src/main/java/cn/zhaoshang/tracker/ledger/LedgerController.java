package cn.zhaoshang.tracker.ledger;

import cn.zhaoshang.tracker.project.api.FindProjects;
import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.Stage;
import cn.zhaoshang.tracker.shared.AccessRecords;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "台账导入导出 / Ledger import and export")
class LedgerController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerImport ledgerImport;
    private final ImportPermits permits;
    private final QueryGateway queries;
    private final Clock clock;
    private final AccessRecords accessRecords;

    LedgerController(
            LedgerImport ledgerImport,
            ImportPermits permits,
            QueryGateway queries,
            Clock clock,
            AccessRecords accessRecords) {
        this.ledgerImport = ledgerImport;
        this.permits = permits;
        this.queries = queries;
        this.clock = clock;
        this.accessRecords = accessRecords;
    }

    @GetMapping("/api/projects/import/template.xlsx")
    @Operation(summary = "下载台账导入模板 / Download the ledger template")
    ResponseEntity<byte[]> template() {
        return xlsx("台账导入模板.xlsx", Workbooks.template());
    }

    @PostMapping(
            value = "/api/projects/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "导入台账（.xlsx）：dryRun=true 只检查；否则全部登记或全部不登记 / "
                    + "Import a ledger: dryRun=true only checks; otherwise all rows or none")
    ResponseEntity<Object> importLedger(
            @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun, Reach reach)
            throws IOException {
        LedgerImport.Report report;
        ImportPermits.Permit permit = permits.take();
        try (permit;
                InputStream in = file.getInputStream()) {
            report = ledgerImport.run(LedgerReader.read(in, LocalDate.now(clock)), dryRun, reach);
        }
        if (dryRun || report.recorded()) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = Problems.of(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "import-rejected",
                "台账有%d处错误，未登记任何项目 / %d problems in the ledger: nothing was recorded"
                        .formatted(report.errors().size(), report.errors().size()));
        problem.setTitle("台账有误 / Ledger rejected");
        problem.setProperty("errors", report.errors());
        problem.setProperty("outcomes", report.outcomes());
        return answer(problem).body(problem);
    }

    @GetMapping("/api/projects/export.xlsx")
    @Operation(summary = "导出项目台账（与列表相同的筛选）/ Export the project ledger with the list's filters")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,40}", message = "{form.slug}") String zoneId,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false)
                    @Min(value = 1990, message = "{form.year}")
                    @Max(value = 2100, message = "{form.year}")
                    Integer signedYear,
            Reach reach) {
        List<GetProject.Result> projects = every(
                queries, page -> new FindProjects(reach.zones(), zoneId, stage, signedYear, page, Workbooks.PAGE));
        String filters = filters("zoneId", zoneId, "stage", stage, "signedYear", signedYear);
        return exported(accessRecords, zoneId, filters, Workbooks.ledger(projects, filters));
    }

    @ExceptionHandler(BadWorkbook.class)
    ResponseEntity<ProblemDetail> badWorkbook(BadWorkbook bad) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", bad.getMessage());
        return answer(problem).body(problem);
    }

    @ExceptionHandler(ImportPermits.Busy.class)
    ResponseEntity<ProblemDetail> busy(ImportPermits.Busy busy) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", busy.getMessage());
        return answer(problem)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ImportPermits.RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    private static ResponseEntity.BodyBuilder answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Every project the filters of a {@link FindProjects} match, page after page. */
    static List<GetProject.Result> every(QueryGateway queries, IntFunction<FindProjects> page) {
        List<GetProject.Result> projects = new ArrayList<>();
        for (int number = 0; ; number++) {
            FindProjects.Result result = queries.query(
                            page.apply(number), ResponseTypes.instanceOf(FindProjects.Result.class))
                    .join();
            projects.addAll(result.items());
            if (result.items().size() < Workbooks.PAGE) {
                return projects;
            }
        }
    }

    /**
     * The filters the reader gave, as {@code name=value, …} in the order given, for the export's footer and the access
     * log; {@code 无 / none} when the export is of every project in reach.
     */
    static String filters(Object... namesAndValues) {
        StringJoiner given = new StringJoiner(", ");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                given.add(namesAndValues[i] + "=" + value);
            }
        }
        return given.length() == 0 ? "无 / none" : given.toString();
    }

    /** The project ledger's workbook, sent once the export is on the record with the hash of its bytes. */
    static ResponseEntity<byte[]> exported(AccessRecords records, String zoneId, String filters, byte[] body) {
        records.record(new AccessRecords.Read(
                AccessRecords.Kind.EXPORTED,
                zoneId,
                null,
                null,
                AccessRecords.sha256(body),
                "ledger.xlsx: " + filters,
                "OK"));
        return xlsx("项目台账.xlsx", body);
    }

    static ResponseEntity<byte[]> xlsx(String fileName, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
                .build());
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }
}
