package cn.zhaoshang.tracker.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine that takes the append lock (ADR 0019) on the connection that appends, right before
 * it inserts the events: the position a transaction's events receive and the moment it commits both fall within
 * its hold of the lock, so transactions that append commit one after the other and positions become visible in
 * order. Everything a command does before it has events to store (loading the aggregate, deciding) runs outside the
 * lock, in parallel with other commands; every append takes it, whether a command, a saga or a deadline caused it.
 * Once the events are in, {@link AppendedEvents} links them into the hash chain in the same transaction.
 */
class AppendOrderedStorageEngine extends JdbcEventStorageEngine {

    private static final String LOCK = "UPDATE append_lock SET appends = appends + 1 WHERE id = 1";

    private final TransactionManager transactions;
    private final AppendedEvents appended;

    AppendOrderedStorageEngine(
            JdbcEventStorageEngine.Builder builder, TransactionManager transactions, AppendedEvents appended) {
        super(builder);
        this.transactions = transactions;
        this.appended = appended;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // joins the unit of work's transaction when there is one, as Axon's own append does
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            Connection connection = getConnection();
            try {
                appended.appended(
                        connection,
                        events.stream().map(EventMessage::getIdentifier).toList());
            } catch (SQLException failed) {
                throw new EventStoreException("the appended events could not be linked into the hash chain", failed);
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
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
