package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.platform.IdempotentCommands;
import cn.zhaoshang.tracker.platform.IfMatch;
import cn.zhaoshang.tracker.project.api.FindEvidence;
import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.UnknownProject;
import cn.zhaoshang.tracker.shared.InvalidField;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.web.LargerBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence (凭证): a bureau attaches a file to one of its project's events; every reader of the project lists and
 * downloads them; an auditor fetches a file an export names by its hash.
 */
@RestController
@Tag(name = "凭证 / Evidence")
class EvidenceController {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final EvidenceUpload upload;
    private final EvidenceAttachments attachments;
    private final ProjectEvidence evidence;
    private final QueryGateway queries;
    private final IdempotentCommands idempotent;

    EvidenceController(
            EvidenceUpload upload,
            EvidenceAttachments attachments,
            ProjectEvidence evidence,
            QueryGateway queries,
            IdempotentCommands idempotent) {
        this.upload = upload;
        this.attachments = attachments;
        this.evidence = evidence;
        this.queries = queries;
        this.idempotent = idempotent;
    }

    /** The multipart body of an upload, API or page: the file and its two fields, with room for the parts' headers. */
    @Bean
    static LargerBody evidenceBodies(EvidenceUpload upload) {
        return new LargerBody(
                List.of("/api/projects/*/evidence", "/projects/*/evidence"), upload.maxBytes() + 64 * 1024);
    }

    /** The request as its Idempotency-Key's fingerprint sees it: the same bytes under the same name and fields. */
    record Attachment(String sha256, String fileName, long attachedTo, String note) {}

    // any Content-Type reaches it: a project outside the scope is a 404 before the body is looked at, as elsewhere
    @PostMapping(value = "/api/projects/{id}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "附凭证（PDF、图片、Office，按内容判断类型）/ Attach evidence (PDF, image, Office; typed by content)",
            description = "attachedTo：该凭证支持的本项目事件序号（见 /history 的 sequence）。超过 tracker.evidence.max-bytes 答 413，"
                    + "其他类型答 415 / attachedTo: the sequence of the project's event it supports (sequence in"
                    + " /history). 413 above tracker.evidence.max-bytes, 415 for any other type")
    ResponseEntity<Object> attach(
            @PathVariable String id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String attachedTo,
            @RequestParam(required = false) String note,
            @RequestHeader(value = "If-Match", required = false) String ifMatch)
            throws IOException {
        if (file == null) {
            throw new InvalidField("file", "须以 multipart/form-data 附文件 / a multipart/form-data file part is required");
        }
        long supported = EvidenceAttachments.sequence(attachedTo);
        String text = EvidenceAttachments.note(note);
        try (EvidenceUpload.Received received = upload.receive(file.getInputStream(), file.getOriginalFilename())) {
            Attachment request = new Attachment(received.sha256(), received.fileName(), supported, text);
            return idempotent.run(id, request, () -> {
                detail(id);
                FindEvidence.Result attached =
                        attachments.attach(id, received, supported, text, IfMatch.version(ifMatch));
                return ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/projects/%s/evidence/%s".formatted(id, received.sha256())))
                        .eTag(IfMatch.etag(detail(id).version()))
                        .body(attached);
            });
        }
    }

    @GetMapping(value = "/api/projects/{id}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "项目的凭证 / The project's evidence")
    List<FindEvidence.Result> list(@PathVariable String id) {
        detail(id);
        return evidence.of(id);
    }

    @GetMapping("/api/projects/{id}/evidence/{sha256}")
    @Operation(summary = "下载凭证文件 / Download an evidence file")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String sha256) {
        detail(id);
        return attachments.download(id, sha256);
    }

    @GetMapping("/api/audit/evidence/{sha256}")
    @Operation(
            summary = "按哈希下载导出中提到的凭证文件 / Download an evidence file an export names, by its hash",
            description = "verify-export --evidence DIR 核对以哈希命名的已下载文件 / verify-export --evidence DIR checks the"
                    + " downloaded files, saved under their hash")
    ResponseEntity<byte[]> auditDownload(@PathVariable String sha256, Reach reach) {
        if (!SHA256.matcher(sha256).matches()) {
            throw EvidenceAttachments.unknownFile(sha256);
        }
        boolean seen = evidence.projectsWith(sha256).stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .anyMatch(project -> reach.seesZone(project.zoneId()));
        if (!seen) {
            throw EvidenceAttachments.unknownFile(sha256);
        }
        return attachments.file(sha256, sha256);
    }

    private Optional<GetProject.Result> find(String id) {
        return queries.query(new GetProject(id), ResponseTypes.optionalInstanceOf(GetProject.Result.class))
                .join();
    }

    private GetProject.Result detail(String id) {
        return find(id).orElseThrow(() -> new UnknownProject(id));
    }
}
