package cn.zhaoshang.tracker.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine that takes the append lock (ADR 0019) on the connection that appends, right before
 * it inserts the events: the position a transaction's events receive and the moment it commits both fall within
 * its hold of the lock, so transactions that append commit one after the other and positions become visible in
 * order. Everything a command does before it has events to store (loading the aggregate, deciding) runs outside the
 * lock, in parallel with other commands; every append takes it, whether a command, a saga or a deadline caused it.
 */
class AppendOrderedStorageEngine extends JdbcEventStorageEngine {

    private static final String LOCK = "UPDATE append_lock SET appends = appends + 1 WHERE id = 1";

    AppendOrderedStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement appendEvents(
            Connection connection, List<? extends EventMessage<?>> events, Serializer serializer) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.executeUpdate();
        }
        return super.appendEvents(connection, events, serializer);
    }
}
