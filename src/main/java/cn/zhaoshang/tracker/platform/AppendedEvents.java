package cn.zhaoshang.tracker.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Told of every append, on the appending connection, in its transaction and under the append lock, right after the
 * events are inserted: what it writes commits with the events or not at all. The audit's hash chain is the one.
 */
public interface AppendedEvents {

    /** {@code eventIdentifiers}: the events just inserted, in the order they were appended. */
    void appended(Connection connection, List<String> eventIdentifiers) throws SQLException;
}
