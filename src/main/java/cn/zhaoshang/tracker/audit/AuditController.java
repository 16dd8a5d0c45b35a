package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.shared.InvalidField;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.Text;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计 / Audit")
class AuditController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson;charset=UTF-8");
    private static final int EXPORT_PAGE = 1000;

    private final EventLog log;
    private final ChainVerifier verifier;
    private final Replay replay;
    private final ObjectMapper json;
    private final SigningKeys keys;
    private final AuditReads reads;

    AuditController(
            EventLog log,
            ChainVerifier verifier,
            Replay replay,
            ObjectMapper json,
            SigningKeys keys,
            AuditReads reads) {
        this.keys = keys;
        this.reads = reads;
        this.log = log;
        this.verifier = verifier;
        this.replay = replay;
        this.json = json;
    }

    @PostMapping("/replays")
    @Operation(summary = "从全部历史重建所有读模型并核对 / Rebuild every read model from the whole history and compare")
    Replay.Result replay(Principal user) {
        return reads.replayed(() -> replay.run(user.getName()));
    }

    record Page(List<EventLog.Entry> events, Long next) {}

    @GetMapping("/events")
    @Operation(
            summary = "全局事件日志（按全局位置分页）/ The whole history in global order, paged by position",
            description = "Optional filters: type (a stored type's simple name), aggregateId (a stream and the streams"
                    + " under it; for a zone also its projects, their warnings and its submissions), recordedBy, from"
                    + " and to (recording days, Beijing time, both included).")
    Page events(
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "{form.notNegative}") long after,
            @RequestParam(defaultValue = "100")
                    @Min(value = 1, message = "{form.limit}")
                    @Max(value = 1000, message = "{form.limit}")
                    int limit,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String recordedBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Reach reach) {
        String typeGiven = Text.stripped(type);
        if (typeGiven != null && !EventLog.TYPES.contains(typeGiven)) {
            throw new InvalidField("type", "未知的事件类型 %s / unknown event type %s".formatted(type, type));
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidField("from", "起始日期晚于截止日期 / from is after to");
        }
        EventLog.Filter filter =
                new EventLog.Filter(typeGiven, Text.stripped(recordedBy), Text.stripped(aggregateId), from, to, reach);
        List<EventLog.Entry> page = log.after(filter, after, limit + 1);
        if (page.size() > limit) {
            List<EventLog.Entry> events = page.subList(0, limit);
            return new Page(events, events.get(limit - 1).position());
        }
        return new Page(page, null);
    }

    @GetMapping("/verification")
    @Operation(summary = "重算哈希链，报告第一个不符的位置 / Recompute the hash chain, report the first break")
    ChainVerifier.Verification verification() throws SQLException {
        ChainVerifier.Verification verification = verifier.verify();
        reads.verified(verification);
        return verification;
    }

    /** The keys that sign the chain, with the key this instance holds: what an auditor keeps to check exports. */
    record Keys(String inUse, List<SigningKeys.Published> keys) {}

    @GetMapping("/keys")
    @Operation(
            summary = "签署哈希链的公钥及其有效期 / The public keys that sign the chain, with their periods",
            description = "Save the answer: verify-export --keys FILE checks an export's checkpoints against it.")
    Keys keys() {
        return new Keys(keys.keyId(), keys.published());
    }

    @GetMapping("/export")
    @Operation(
            summary = "导出全部日志（NDJSON，每行一个事件）/ The whole log as NDJSON, one event per line",
            description = "The last line is {\"trailer\": {…}} (no position): the count, the head and its signed"
                    + " checkpoint, so that verify-export finds a file cut short. The export stops at the chain's"
                    + " head when it was asked for, the position the access log records.")
    ResponseEntity<StreamingResponseBody> export(Reach reach) {
        long upTo = reads.exported(reach);
        StreamingResponseBody body = out -> {
            long after = 0;
            ExportTrailer trailer = ExportTrailer.empty(reach.everyZone() && reach.provinceWide());
            List<EventLog.Entry> page;
            boolean more;
            do {
                page = log.after(after, EXPORT_PAGE, reach);
                more = page.size() == EXPORT_PAGE;
                for (EventLog.Entry entry : page) {
                    if (entry.position() > upTo) {
                        more = false;
                        break;
                    }
                    writeLine(out, entry);
                    after = entry.position();
                    trailer = trailer.after(entry);
                }
                out.flush();
            } while (more);
            writeLine(out, new ExportTrailer.Line(trailer));
        };
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"tracker-events.ndjson\"")
                .body(body);
    }

    private void writeLine(OutputStream out, Object line) throws java.io.IOException {
        out.write(json.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
