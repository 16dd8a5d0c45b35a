package cn.zhaoshang.tracker.ledger;

import cn.zhaoshang.tracker.pages.Bilingual;
import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.project.api.FindProjects;
import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Stage;
import cn.zhaoshang.tracker.shared.AccessRecords;
import cn.zhaoshang.tracker.shared.Reach;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The ledger in Excel from the pages: export with the ledger's filters, the template, and an import with its report. */
@Page
@Validated
class LedgerPages {

    private final LedgerImport ledgerImport;
    private final ImportPermits permits;
    private final QueryGateway queries;
    private final Clock clock;
    private final AccessRecords accessRecords;

    LedgerPages(
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

    @GetMapping("/ledger/export.xlsx")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{0,40}") String zone,
            @RequestParam(required = false) @Min(1990) @Max(2100) Integer year,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) Industry industry,
            @RequestParam(required = false) Boolean top500,
            @RequestParam(required = false) @Size(max = 100) String q,
            Reach reach) {
        String zoneId = zone == null || zone.isEmpty() ? null : zone;
        List<GetProject.Result> projects = LedgerController.every(
                queries,
                page -> new FindProjects(
                        reach.zones(), zoneId, stage, year, industry, top500, q, page, Workbooks.PAGE));
        String filters = LedgerController.filters(
                "zone", zoneId, "year", year, "stage", stage, "industry", industry, "top500", top500, "q", q);
        return LedgerController.exported(accessRecords, zoneId, filters, Workbooks.ledger(projects, filters));
    }

    @GetMapping("/ledger/template.xlsx")
    ResponseEntity<byte[]> template() {
        return LedgerController.xlsx("台账导入模板.xlsx", Workbooks.template());
    }

    @GetMapping("/ledger/import")
    String importForm() {
        return "ledger-import";
    }

    @PostMapping("/ledger/import")
    String importLedger(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Locale locale,
            Model model,
            HttpServletResponse response,
            Reach reach)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("failure", "import.noFile");
            return "ledger-import";
        }
        ImportPermits.Permit permit;
        try {
            permit = permits.take();
        } catch (ImportPermits.Busy busy) {
            long seconds = ImportPermits.RETRY_AFTER.toSeconds();
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            model.addAttribute("busy", String.valueOf(seconds));
            return "ledger-import";
        }
        try (permit;
                InputStream in = file.getInputStream()) {
            model.addAttribute("report", ledgerImport.run(LedgerReader.read(in, LocalDate.now(clock)), dryRun, reach));
        } catch (BadWorkbook bad) {
            model.addAttribute("badFile", Bilingual.inLanguageOf(bad.getMessage(), locale));
        }
        return "ledger-import";
    }
}
