package cn.zhaoshang.tracker.platform;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger on the event, hash and idempotency tables: rows may be inserted, never changed or removed. */
public class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("%s is append-only: rows cannot be updated or deleted".formatted(table), "23513");
    }
}
