package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The submissions over HTTP on PostgreSQL (its migrations, its SQL). */
@ExtendWith(EmbeddedPostgresServer.Usable.class)
class PostgresSubmissionsIT extends SubmissionsIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }
}
