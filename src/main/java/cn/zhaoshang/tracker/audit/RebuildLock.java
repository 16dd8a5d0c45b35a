package cn.zhaoshang.tracker.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One replay at a time, whichever instance runs it: the shadow tables are shared. Held as a row lock on
 * {@code rebuild_lock} in a transaction of its own connection for the replay's whole run; the database lets go of
 * it when that connection ends, also when the instance dies.
 */
@Component
class RebuildLock {

    private final DataSource dataSource;

    RebuildLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Held until closed; empty when another replay, on this instance or another, holds it. */
    Optional<Held> take() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT id FROM rebuild_lock WHERE id = 1 FOR UPDATE NOWAIT")) {
                lock.executeQuery().close();
            }
            return Optional.of(new Held(connection));
        } catch (SQLException busy) {
            close(connection);
            return Optional.empty();
        }
    }

    static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            RebuildLock.close(connection);
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try (connection) {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone, and with it the lock
        }
    }
}
