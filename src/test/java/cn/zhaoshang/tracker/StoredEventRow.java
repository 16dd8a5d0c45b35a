package cn.zhaoshang.tracker;

import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * A row of Axon's event table as its JDBC engine reads it (Axon's own row classes carry JPA annotations that the
 * compiler, without JPA on the class path, warns about), and the event read from it as Axon reads it: through the
 * upcasters, then deserialized.
 */
public record StoredEventRow(
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        Instant timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData)
        implements DomainEventData<byte[]> {

    public Object read(Serializer serializer, EventUpcaster upcasters) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(this), serializer, upcasters)
                .next()
                .getPayload();
    }

    @Override
    public String getType() {
        return aggregateType;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<byte[]> getMetaData() {
        return new SerializedMetaData<>(metaData, byte[].class);
    }

    @Override
    public SerializedObject<byte[]> getPayload() {
        return new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision);
    }
}
