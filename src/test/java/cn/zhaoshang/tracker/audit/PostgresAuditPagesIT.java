package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The auditor's pages on PostgreSQL, where the event log reads payloads with PostgreSQL's functions (EventLog). */
@ExtendWith(EmbeddedPostgresServer.Usable.class)
class PostgresAuditPagesIT extends AuditPagesIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        EmbeddedPostgresServer.useNewDatabase(properties);
    }

    @Override
    void allowRewritingHistory() {
        jdbc.sql("ALTER TABLE DomainEventEntry DISABLE TRIGGER domain_event_append_only")
                .update();
    }

    @Override
    void forbidRewritingHistory() {
        jdbc.sql("ALTER TABLE DomainEventEntry ENABLE TRIGGER domain_event_append_only")
                .update();
    }
}
