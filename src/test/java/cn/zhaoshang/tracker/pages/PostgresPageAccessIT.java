package cn.zhaoshang.tracker.pages;

import cn.zhaoshang.tracker.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every page for every reader on PostgreSQL: the pages' own queries run on the production store too. */
@ExtendWith(EmbeddedPostgresServer.Usable.class)
class PostgresPageAccessIT extends PageAccessIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }
}
