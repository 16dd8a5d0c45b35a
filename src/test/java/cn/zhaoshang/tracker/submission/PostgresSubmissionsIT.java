package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The submissions over HTTP on PostgreSQL (its migrations, its SQL). */
class PostgresSubmissionsIT extends SubmissionsIT {

    @BeforeAll
    static void needsPostgres() {
        EmbeddedPostgresServer.assumeUsable();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }
}
