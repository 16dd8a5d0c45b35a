package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.audit.api.ChainHashes;
import cn.zhaoshang.tracker.platform.AppendedEvents;
import cn.zhaoshang.tracker.shared.SignedCheckpoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chain's only writer: every append links its events into the hash chain and signs the chain's new head, on the
 * appending connection, in its transaction and under the append lock, so that an event and its link and checkpoint
 * commit together or not at all. An event without a link can therefore only come from outside the application, and
 * one after the last checkpoint can only have been stored by someone without the key.
 */
@Component
class ChainLinks implements AppendedEvents, ChainHashes, SignedCheckpoints {

    /** Identifiers per statement: an import appends thousands of events in one commit. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final SigningKeys keys;
    private final Clock clock;

    ChainLinks(JdbcClient jdbc, SigningKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void appended(Connection connection, List<String> eventIdentifiers) throws SQLException {
        keys.announce(connection);
        List<StoredEvent> events = stored(connection, eventIdentifiers);
        String previous = headHash(connection);
        try (PreparedStatement link =
                connection.prepareStatement("INSERT INTO event_hash (position, hash) VALUES (?, ?)")) {
            for (StoredEvent event : events) {
                previous = HashChain.next(previous, event);
                link.setLong(1, event.position());
                link.setString(2, previous);
                link.addBatch();
            }
            link.executeBatch();
        }
        long head = events.get(events.size() - 1).position();
        try (PreparedStatement checkpoint = connection.prepareStatement(
                "INSERT INTO chain_checkpoint (position, hash, key_id, signature, signed_at) VALUES (?, ?, ?, ?, ?)")) {
            checkpoint.setLong(1, head);
            checkpoint.setString(2, previous);
            checkpoint.setString(3, keys.keyId());
            checkpoint.setString(4, keys.sign(SigningKey.checkpointMessage(head, previous)));
            checkpoint.setTimestamp(5, Timestamp.from(clock.instant()));
            checkpoint.executeUpdate();
        }
    }

    private static List<StoredEvent> stored(Connection connection, List<String> eventIdentifiers) throws SQLException {
        List<StoredEvent> events = new ArrayList<>(eventIdentifiers.size());
        for (int from = 0; from < eventIdentifiers.size(); from += CHUNK) {
            List<String> chunk = eventIdentifiers.subList(from, Math.min(from + CHUNK, eventIdentifiers.size()));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                    + " FROM DomainEventEntry WHERE eventIdentifier IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(StoredEvent.from(rows));
                    }
                }
            }
        }
        if (events.size() != eventIdentifiers.size()) {
            throw new SQLException(
                    "appended %d events, found %d of them stored".formatted(eventIdentifiers.size(), events.size()));
        }
        events.sort(Comparator.comparingLong(StoredEvent::position));
        return events;
    }

    private static String headHash(Connection connection) throws SQLException {
        try (PreparedStatement head =
                        connection.prepareStatement("SELECT hash FROM event_hash ORDER BY position DESC LIMIT 1");
                ResultSet row = head.executeQuery()) {
            return row.next() ? row.getString(1) : HashChain.GENESIS;
        }
    }

    @Override
    public Optional<Stamp> covering(long position) {
        return jdbc.sql(
                        """
                SELECT position, hash, key_id, signature FROM chain_checkpoint WHERE position >= ?
                ORDER BY position LIMIT 1""")
                .param(position)
                .query((row, n) -> new Stamp(
                        row.getLong("position"),
                        row.getString("hash").strip(),
                        row.getString("key_id"),
                        row.getString("signature")))
                .optional();
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
