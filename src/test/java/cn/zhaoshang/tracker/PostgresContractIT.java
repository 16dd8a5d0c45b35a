package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The command and project sections of the HTTP contract, on PostgreSQL (Flyway's postgresql scripts). */
@ExtendWith(EmbeddedPostgresServer.Usable.class)
class PostgresContractIT extends ContractIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }

    @Test
    void every_connection_is_named_after_its_instance() {
        assertThat(jdbc.sql("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")
                        .query(String.class)
                        .single())
                .startsWith("investment-tracker/")
                .contains("@");
    }
}
