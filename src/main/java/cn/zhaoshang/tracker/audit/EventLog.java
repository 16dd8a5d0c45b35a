package cn.zhaoshang.tracker.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The whole history in global order, each event with who, when, why, its payload and its chain hash. */
@Component
class EventLog {

    private final JdbcClient jdbc;
    private final ObjectMapper exact;

    EventLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        // Stored amounts are read as exact decimals, never through double.
        this.exact = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** One line of the log; {@code stored} holds the exact stored bytes and fields the hash covers. */
    record Entry(
            long position,
            String aggregateId,
            long sequence,
            String type,
            Instant recordedAt,
            String recordedBy,
            String reason,
            JsonNode payload,
            String hash,
            Stored stored) {}

    record Stored(
            String eventIdentifier,
            String type,
            String payloadType,
            String payloadRevision,
            String timeStamp,
            String metaData,
            String payload) {}

    List<Entry> after(long position, int limit) {
        return jdbc.sql("SELECT " + prefixed() + ", h.hash FROM DomainEventEntry e"
                        + " LEFT JOIN event_hash h ON h.position = e.globalIndex"
                        + " WHERE e.globalIndex > ? ORDER BY e.globalIndex LIMIT ?")
                .params(position, limit)
                .query((row, number) -> entry(StoredEvent.from(row), row.getString("hash")))
                .list();
    }

    private Entry entry(StoredEvent event, String hash) {
        JsonNode metaData = read(event.metaData());
        JsonNode payload = read(event.payload());
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        return new Entry(
                event.position(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                type,
                Instant.parse(event.timeStamp()),
                text(metaData, "recordedBy"),
                text(payload, "reason"),
                payload,
                hash,
                new Stored(
                        event.eventIdentifier(),
                        event.type(),
                        event.payloadType(),
                        event.payloadRevision(),
                        event.timeStamp(),
                        event.metaData() == null ? null : Base64.getEncoder().encodeToString(event.metaData()),
                        Base64.getEncoder().encodeToString(event.payload())));
    }

    private JsonNode read(byte[] json) {
        try {
            return json == null ? null : exact.readTree(json);
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String prefixed() {
        return "e." + StoredEvent.COLUMNS.replace(", ", ", e.");
    }
}
