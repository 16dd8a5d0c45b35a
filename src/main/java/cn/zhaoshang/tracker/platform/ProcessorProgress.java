package cn.zhaoshang.tracker.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far a tracking processor has come, read from the token store that all instances share rather than from this
 * instance's processors: with several instances, another one may hold some of the segments. A segment's token is
 * stored in the transaction that wrote its batch, so whatever a token has passed is in the read model.
 */
@Component
public class ProcessorProgress {

    private final JdbcClient jdbc;
    private final Serializer serializer;
    // Every report asks; between batches the stored tokens do not change, so each is deserialized once, not per report.
    private final Cache<List<Object>, Long> positions =
            Caffeine.newBuilder().maximumSize(1_000).build();

    public ProcessorProgress(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * The position every segment of the processor has passed: each segment handles only its share of the events
     * (a project's events all go to one segment), so only up to the slowest one is the read model a prefix of the
     * history. Zero while a segment has seen nothing yet, empty before the processor has started at all. A gap
     * below a token's index is never filled later: the append lock makes commits happen in position order.
     */
    public OptionalLong everySegmentPassed(String processor) {
        List<Long> positions = jdbc.sql("SELECT token, tokenType FROM TokenEntry WHERE processorName = ?")
                .param(processor)
                .query((row, number) -> position(row.getBytes(1), row.getString(2)))
                .list();
        return positions.stream().mapToLong(Long::longValue).min();
    }

    /** The position a segment's token has passed: zero before it has seen anything, empty before it is claimed once. */
    public OptionalLong segmentPassed(String processor, int segment) {
        return jdbc.sql("SELECT token, tokenType FROM TokenEntry WHERE processorName = ? AND segment = ?")
                .params(processor, segment)
                .query((row, number) -> position(row.getBytes(1), row.getString(2)))
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** The newest event's position in the store, zero for an empty store. */
    public long head() {
        return jdbc.sql("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")
                .query(Long.class)
                .single();
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return 0;
        }
        return positions.get(List.of(type, ByteBuffer.wrap(token)), stored -> {
            TrackingToken tracking =
                    serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
            return tracking == null ? 0L : tracking.position().orElse(0);
        });
    }
}
