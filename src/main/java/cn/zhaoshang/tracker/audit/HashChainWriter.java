package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.audit.api.ChainHashes;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chain's only writer: the tracking processor {@code audit} (one segment, so one instance at a time holds it)
 * hashes every event in global order as it is stored. It is a record of the history, not a projection: it has no
 * reset handler and a replay never touches it.
 */
@Component
@ProcessingGroup("audit")
class HashChainWriter implements ChainHashes {

    private final JdbcClient jdbc;

    HashChainWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object event, TrackingToken token) {
        long position = token.position().orElseThrow();
        Optional<Long> head = head();
        if (head.isPresent() && position <= head.get()) {
            return;
        }
        StoredEvent stored = jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry WHERE globalIndex = ?")
                .param(position)
                .query((row, number) -> StoredEvent.from(row))
                .single();
        String previous = head.flatMap(this::hashAt).orElse(HashChain.GENESIS);
        jdbc.sql("INSERT INTO event_hash (position, hash) VALUES (?, ?)")
                .params(position, HashChain.next(previous, stored))
                .update();
    }

    @Override
    public Optional<Long> head() {
        return jdbc.sql("SELECT MAX(position) FROM event_hash")
                .query(row -> row.next() ? Optional.ofNullable(row.getObject(1, Long.class)) : Optional.empty());
    }

    @Override
    public Optional<String> hashAt(long position) {
        return jdbc.sql("SELECT hash FROM event_hash WHERE position <= ? ORDER BY position DESC LIMIT 1")
                .param(position)
                .query(String.class)
                .optional();
    }
}
