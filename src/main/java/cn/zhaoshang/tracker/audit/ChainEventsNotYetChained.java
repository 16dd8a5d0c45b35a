package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.platform.DataMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V20: until V19 a tracking processor wrote the chain behind the commits; from V19 on every commit links its
 * own events. The events a store holds beyond its chain's head at the upgrade were stored by the application before
 * it, so they are chained here, once; from then on an event without its link can only have come from outside the
 * application (ADR 0027). Public for tools that migrate a database without the application.
 */
@Component
public class ChainEventsNotYetChained extends DataMigration {

    public ChainEventsNotYetChained() {
        super("20", "chain events not yet chained");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        long head = 0;
        String previous = HashChain.GENESIS;
        try (PreparedStatement last =
                        connection.prepareStatement("SELECT position, hash FROM event_hash ORDER BY position DESC");
                ResultSet row = last.executeQuery()) {
            if (row.next()) {
                head = row.getLong(1);
                previous = row.getString(2);
            }
        }
        try (PreparedStatement events = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                        + " FROM DomainEventEntry WHERE globalIndex > ?" + " ORDER BY globalIndex");
                PreparedStatement link =
                        connection.prepareStatement("INSERT INTO event_hash (position, hash) VALUES (?, ?)")) {
            events.setLong(1, head);
            events.setFetchSize(1_000);
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    StoredEvent event = StoredEvent.from(rows);
                    previous = HashChain.next(previous, event);
                    link.setLong(1, event.position());
                    link.setString(2, previous);
                    link.addBatch();
                }
            }
            link.executeBatch();
        }
    }
}
