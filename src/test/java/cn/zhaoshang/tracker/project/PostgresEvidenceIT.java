package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same uploads, downloads and refusals on PostgreSQL: bytea instead of BLOB, its own append-only trigger. */
@ExtendWith(EmbeddedPostgresServer.Usable.class)
class PostgresEvidenceIT extends EvidenceIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }
}
