package cn.zhaoshang.tracker.accesslog;

import cn.zhaoshang.tracker.shared.AccessRecords.Kind;
import cn.zhaoshang.tracker.shared.Reach;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计 / Audit")
class AccessLogController {

    private final AccessLog log;

    AccessLogController(AccessLog log) {
        this.log = log;
    }

    record Page(List<AccessLog.Entry> records, Long next) {}

    @GetMapping("/access")
    @Operation(
            summary = "访问记录：登录、导出、核验、重建、月报下载 / Who read what: sign-ins, exports, verifications,"
                    + " replays, workbook downloads",
            description = "Oldest first, paged by id (next = the last id). from and to are Beijing days"
                    + " (2024-01-05). Rows about no zone, sign-ins among them, are shown to a province's readers.")
    Page access(
            @ParameterObject AccessFilter filter,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit,
            Reach reach,
            Principal reader) {
        return page(filter, after, limit, reach, reader);
    }

    @GetMapping("/workbooks")
    @Operation(
            summary = "月报登记簿：离开系统的月报（开发区、期间、位置、哈希、下载人、时间）/ The register of 月报 workbooks" + " that left the building",
            description = "The access log's WORKBOOK_DOWNLOADED rows: contentHash is SHA-256 of the bytes sent.")
    Page workbooks(
            @ParameterObject AccessFilter filter,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit,
            Reach reach,
            Principal reader) {
        return page(filter.ofKind(Kind.WORKBOOK_DOWNLOADED), after, limit, reach, reader);
    }

    private Page page(AccessFilter filter, String after, String limit, Reach reach, Principal reader) {
        int size = (int) Math.min(AccessFilter.number("limit", limit, 100), Integer.MAX_VALUE);
        AccessQuery query = filter.query(AccessFilter.number("after", after, 0), null, size, reach, reader.getName());
        List<AccessLog.Entry> rows = log.find(query.withLimit(size + 1));
        if (rows.size() > size) {
            List<AccessLog.Entry> records = rows.subList(0, size);
            return new Page(records, records.get(size - 1).id());
        }
        return new Page(rows, null);
    }
}
