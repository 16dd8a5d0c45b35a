package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same uploads, downloads and refusals on PostgreSQL: bytea instead of BLOB, its own append-only trigger. */
class PostgresEvidenceIT extends EvidenceIT {

    @BeforeAll
    static void needsPostgres() {
        EmbeddedPostgresServer.assumeUsable();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }
}
