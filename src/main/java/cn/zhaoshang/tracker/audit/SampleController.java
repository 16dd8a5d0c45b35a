package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.project.api.FindEvidence;
import cn.zhaoshang.tracker.shared.InvalidField;
import cn.zhaoshang.tracker.shared.Reach;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit/sample}: a reproducible random sample of events or projects, for auditors. */
@RestController
@Tag(name = "审计 / Audit")
class SampleController {

    private final Samples samples;
    private final SampleRequests requests;

    SampleController(Samples samples, SampleRequests requests) {
        this.samples = samples;
        this.requests = requests;
    }

    record Answer(
            String of,
            long seed,
            int size,
            long atPosition,
            String zone,
            String type,
            long population,
            List<Item> items,
            String again) {}

    /** A drawn event; for a project, its signing. {@code subject} names the project or zone it is about. */
    record Item(
            long position,
            String type,
            String aggregateId,
            String subjectId,
            String subjectName,
            Instant recordedAt,
            String recordedBy,
            String what,
            String reason,
            String hash,
            JsonNode payload,
            List<Evidence> evidence) {}

    /** A file attached to the drawn event (or, for a project, to any of its events), with where to fetch it. */
    record Evidence(
            String sha256,
            String fileName,
            String mediaType,
            long sizeBytes,
            long attachedTo,
            long position,
            String download) {

        static Evidence of(FindEvidence.Result file) {
            return new Evidence(
                    file.sha256(),
                    file.fileName(),
                    file.mediaType(),
                    file.sizeBytes(),
                    file.attachedTo(),
                    file.position(),
                    "/api/audit/evidence/" + file.sha256());
        }
    }

    @GetMapping("/api/audit/sample")
    @Operation(
            summary = "可复现的随机抽样（事件或项目）/ A reproducible random sample of events or projects",
            description = "of=events|projects, size 1-100 (10), seed (drawn and returned when not given), atPosition"
                    + " (the store's head when not given), zone, type. The same seed, position and filter draw the"
                    + " same sample again; \"again\" is the request that does.")
    Answer sample(
            @RequestParam(defaultValue = "events") String of,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String seed,
            @RequestParam(required = false) String atPosition,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) String type,
            Reach reach,
            Locale locale) {
        SampleRequests.Checked checked = requests.check(of, size, seed, atPosition, zone, type);
        if (!checked.errors().isEmpty()) {
            SampleRequests.Error first = checked.errors().get(0);
            throw new InvalidField(
                    first.field(),
                    requests.message(first, Locale.SIMPLIFIED_CHINESE) + " / "
                            + requests.message(first, Locale.ENGLISH));
        }
        Samples.Sample sample = samples.draw(checked.request(), reach);
        Samples.Request request = sample.request();
        boolean english = "en".equals(locale.getLanguage());
        return new Answer(
                request.of().name().toLowerCase(Locale.ROOT),
                request.seed(),
                request.size(),
                request.atPosition(),
                request.zone(),
                request.of() == Samples.Of.PROJECTS ? null : request.type(),
                sample.population(),
                sample.drawn().stream()
                        .map(logged -> item(logged, sample, english))
                        .toList(),
                "/api/audit/sample?" + SampleRequests.query(request));
    }

    private static Item item(EventLog.Logged logged, Samples.Sample sample, boolean english) {
        EventLog.Entry entry = logged.entry();
        EventLog.Subject subject = logged.subject();
        return new Item(
                entry.position(),
                entry.type(),
                entry.aggregateId(),
                subject.id(),
                sample.names().get(subject),
                entry.recordedAt(),
                entry.recordedBy(),
                logged.what() == null
                        ? null
                        : english ? logged.what().en() : logged.what().zh(),
                entry.reason(),
                entry.hash(),
                entry.payload(),
                sample.evidence().get(entry.position()).stream()
                        .map(Evidence::of)
                        .toList());
    }
}
