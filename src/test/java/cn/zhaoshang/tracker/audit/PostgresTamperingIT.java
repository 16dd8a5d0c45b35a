package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same forgeries on PostgreSQL, whose append-only triggers the forger (the database owner) disables. */
@ExtendWith(EmbeddedPostgresServer.Usable.class)
class PostgresTamperingIT extends TamperingIT {

    private static final String[] GUARDED_TABLES = {"DomainEventEntry", "event_hash", "chain_checkpoint", "signing_key"
    };

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }

    @Override
    void unguard() {
        for (String table : GUARDED_TABLES) {
            jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER").update();
        }
    }

    @Override
    void guard() {
        for (String table : GUARDED_TABLES) {
            jdbc.sql("ALTER TABLE " + table + " ENABLE TRIGGER USER").update();
        }
    }
}
