package cn.zhaoshang.tracker;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The command and project sections of the HTTP contract, on PostgreSQL (Flyway's postgresql scripts). */
class PostgresContractIT extends ContractIT {

    @BeforeAll
    static void needsPostgres() {
        EmbeddedPostgresServer.assumeUsable();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }
}
