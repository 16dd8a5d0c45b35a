package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reading the log on PostgreSQL, where the zone filter reads first payloads with PostgreSQL's functions. */
@ExtendWith(EmbeddedPostgresServer.Usable.class)
class PostgresEventLogIT extends EventLogIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }
}
