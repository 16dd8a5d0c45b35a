package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An arrival of capital and its retraction, each found from the other: a retraction names the arrival it withdraws
 * by its arrival id, in the same project's stream. Read from the stored events, so that a line can say when the
 * withdrawn arrival was recorded and link to it.
 */
@Component
class ArrivalLinks {

    static final List<String> TYPES = List.of(CapitalArrived.class.getName(), ArrivalRetracted.class.getName());

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ArrivalLinks(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** By event identifier, the other half of every arrival and retraction of these streams that has one. */
    Map<String, Timeline.Counterpart> in(Collection<String> streams) {
        Map<String, Timeline.Counterpart> linked = new HashMap<>();
        if (streams.isEmpty()) {
            return linked;
        }
        Map<String, Stored> standing = new HashMap<>();
        jdbc.sql("SELECT eventIdentifier, globalIndex, aggregateIdentifier, sequenceNumber, timeStamp, payloadType,"
                        + " payload FROM DomainEventEntry"
                        + " WHERE aggregateIdentifier IN (:streams) AND payloadType IN (:types) ORDER BY globalIndex")
                .param("streams", List.copyOf(streams))
                .param("types", TYPES)
                .query((RowCallbackHandler) row -> {
                    Stored event = new Stored(
                            row.getString("eventIdentifier"),
                            new Timeline.Counterpart(
                                    row.getLong("globalIndex"),
                                    row.getLong("sequenceNumber"),
                                    Instant.parse(row.getString("timeStamp"))));
                    String arrival = row.getString("aggregateIdentifier") + " " + arrivalId(row.getBytes("payload"));
                    if (CapitalArrived.class.getName().equals(row.getString("payloadType"))) {
                        standing.put(arrival, event);
                        return;
                    }
                    Stored withdrawn = standing.remove(arrival);
                    if (withdrawn != null) {
                        linked.put(event.identifier(), withdrawn.at());
                        linked.put(withdrawn.identifier(), event.at());
                    }
                });
        return linked;
    }

    private record Stored(String identifier, Timeline.Counterpart at) {}

    private String arrivalId(byte[] payload) {
        try {
            JsonNode id = json.readTree(payload).get("arrivalId");
            return id == null ? "" : id.asText();
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }
}
