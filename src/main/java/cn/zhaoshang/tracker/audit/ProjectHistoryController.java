package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.UnknownProject;
import cn.zhaoshang.tracker.warning.api.WarningIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "项目台账 / Project ledger")
class ProjectHistoryController {

    private final EventStore events;
    private final ObjectMapper json;
    private final JdbcClient jdbc;
    private final ArrivalLinks arrivals;

    ProjectHistoryController(EventStore events, ObjectMapper json, JdbcClient jdbc, ArrivalLinks arrivals) {
        this.events = events;
        this.json = json;
        this.jdbc = jdbc;
        this.arrivals = arrivals;
    }

    /**
     * {@code events}: the project's own stream. {@code warnings}: when the system flagged the project and when it
     * recovered (履约预警), a stream of its own so that warnings never change the project's version.
     */
    record History(String projectId, List<Entry> events, List<Entry> warnings) {}

    /**
     * One event of the project, with its global {@code position} and chain {@code hash} (as in the audit log), and
     * {@code line}: the event as one sentence in Chinese and English. {@code retracts}: on a retraction, the position
     * of the arrival it withdraws; {@code retractedBy}: on an arrival, the position of its retraction (null
     * otherwise).
     */
    record Entry(
            long position,
            String hash,
            long sequence,
            String type,
            Instant recordedAt,
            String recordedBy,
            String reason,
            Object payload,
            Timeline.Line line,
            Long retracts,
            Long retractedBy) {}

    @GetMapping("/api/projects/{id}/history")
    @Operation(summary = "项目的全部事件（谁、何时、为何）/ Every event of a project: who, when, why")
    History history(@PathVariable String id) {
        List<? extends DomainEventMessage<?>> stream =
                events.readEvents(id, 0).asStream().toList();
        if (stream.isEmpty() || !(stream.get(0).getPayload() instanceof ProjectSigned)) {
            throw new UnknownProject(id);
        }
        Map<String, Chained> chained = chained(List.of(id, WarningIds.ofProject(id)));
        Map<String, Timeline.Counterpart> counterparts = arrivals.in(List.of(id));
        List<Entry> warnings = events.readEvents(WarningIds.ofProject(id))
                .asStream()
                .map(event -> entry(event, chained, null))
                .toList();
        return new History(
                id,
                stream.stream()
                        .map(event -> entry(event, chained, counterparts.get(event.getIdentifier())))
                        .toList(),
                warnings);
    }

    /** Where each event of the streams stands in the history: its position and chain hash, by event identifier. */
    private record Chained(long position, String hash) {}

    private Map<String, Chained> chained(List<String> streams) {
        Map<String, Chained> chained = new HashMap<>();
        jdbc.sql(
                        "SELECT e.eventIdentifier, e.globalIndex, h.hash FROM DomainEventEntry e"
                                + " LEFT JOIN event_hash h ON h.position = e.globalIndex WHERE e.aggregateIdentifier IN (:streams)")
                .param("streams", streams)
                .query((RowCallbackHandler)
                        row -> chained.put(row.getString(1), new Chained(row.getLong(2), row.getString(3))));
        return chained;
    }

    private Entry entry(DomainEventMessage<?> event, Map<String, Chained> chained, Timeline.Counterpart counterpart) {
        Chained at = chained.get(event.getIdentifier());
        JsonNode reason = json.valueToTree(event.getPayload()).get("reason");
        String recordedBy = (String) event.getMetaData().get("recordedBy");
        return new Entry(
                at == null ? -1 : at.position(),
                at == null ? null : at.hash(),
                event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(),
                event.getTimestamp(),
                recordedBy,
                reason == null || reason.isNull() ? null : reason.asText(),
                event.getPayload(),
                Timeline.of(event.getPayload(), event.getTimestamp(), recordedBy, counterpart),
                counterpart != null && event.getPayload() instanceof ArrivalRetracted ? counterpart.position() : null,
                counterpart != null && event.getPayload() instanceof CapitalArrived ? counterpart.position() : null);
    }
}
