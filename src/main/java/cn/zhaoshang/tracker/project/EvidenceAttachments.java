package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.AttachEvidence;
import cn.zhaoshang.tracker.project.api.FindEvidence;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.shared.AccessRecords;
import cn.zhaoshang.tracker.shared.InvalidField;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.Text;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What the API and the pages do alike with evidence: attach a received file, answer a download. */
@Component
class EvidenceAttachments {

    private static final int NOTE_LENGTH = 1000;

    private final CommandGateway commands;
    private final EvidenceFiles files;
    private final ProjectEvidence evidence;
    private final AccessRecords reads;

    EvidenceAttachments(CommandGateway commands, EvidenceFiles files, ProjectEvidence evidence, AccessRecords reads) {
        this.commands = commands;
        this.files = files;
        this.evidence = evidence;
        this.reads = reads;
    }

    /**
     * Records the event and stores the file, in the caller's command transaction: both or neither. Answers the
     * evidence as listed (the project's last, as the transaction holds the project).
     */
    FindEvidence.Result attach(
            String projectId, EvidenceUpload.Received file, long attachedTo, String note, Long expectedVersion) {
        commands.sendAndWait(new AttachEvidence(
                ProjectId.of(projectId),
                file.sha256(),
                file.fileName(),
                file.mediaType(),
                file.sizeBytes(),
                attachedTo,
                note,
                expectedVersion));
        files.store(file);
        List<FindEvidence.Result> all = evidence.of(projectId);
        return all.get(all.size() - 1);
    }

    /** A file the project names, under the name it was attached with (the latest, if attached more than once). */
    ResponseEntity<byte[]> download(String projectId, String sha256) {
        FindEvidence.Result named = evidence.of(projectId).stream()
                .filter(attached -> attached.sha256().equals(sha256))
                .reduce((first, later) -> later)
                .orElseThrow(() -> unknownFile(sha256));
        return file(sha256, named.fileName());
    }

    /**
     * The file's bytes as an attachment that no browser renders as a page of this site, on the access log first
     * (who took which file away, by its hash).
     */
    ResponseEntity<byte[]> file(String sha256, String fileName) {
        EvidenceFiles.StoredFile stored = files.read(sha256).orElseThrow(() -> unknownFile(sha256));
        reads.record(new AccessRecords.Read(
                AccessRecords.Kind.EVIDENCE_DOWNLOADED, null, null, null, sha256, "file=" + fileName, "OK"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.mediaType()))
                .contentLength(stored.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + sha256 + "\"")
                .body(stored.content());
    }

    /** attachment, with the name in UTF-8 (RFC 5987) and an ASCII stand-in for older clients. */
    static String disposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\%]", "_");
        String encoded = ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString();
        return "attachment; filename=\"%s\"; %s".formatted(ascii, encoded.substring(encoded.indexOf("filename*=")));
    }

    /** The form's or request's {@code attachedTo}: a whole number, 0 or more (400 otherwise). */
    static long sequence(String attachedTo) {
        try {
            long sequence = Long.parseLong(attachedTo == null ? "" : attachedTo.strip());
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidField(
                "attachedTo",
                "须为本项目某一事件的序号（0 或更大的整数）/ must be the sequence of one of the project's events (0 or more)");
    }

    /** The note, stripped; null when there is none; 400 when it is too long. */
    static String note(String note) {
        if (note == null || note.isBlank() || !note.matches(Text.VISIBLE)) {
            return null;
        }
        if (note.length() > NOTE_LENGTH) {
            throw new InvalidField(
                    "note", "说明最多 %d 个字符 / the note is at most %d characters".formatted(NOTE_LENGTH, NOTE_LENGTH));
        }
        return note.strip();
    }

    static NotFound unknownFile(String sha256) {
        return new NotFound("凭证 %s 不存在 / no evidence %s".formatted(sha256, sha256));
    }
}
