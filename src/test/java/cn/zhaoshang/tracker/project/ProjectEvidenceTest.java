package cn.zhaoshang.tracker.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import cn.zhaoshang.tracker.project.api.FindEvidence;
import cn.zhaoshang.tracker.project.api.ProjectId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The evidence read model on its own in-memory database, fed by hand. */
class ProjectEvidenceTest {

    private static final Instant AT = Instant.parse("2024-01-05T08:30:12.345Z");

    private final JdbcDataSource dataSource = database();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final ProjectEvidence evidence =
            new ProjectEvidence(new ReadModelWrites(dataSource, new JdbcTransactionManager(dataSource)), jdbc);

    @BeforeEach
    void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(new FillArrivalTable())
                .load()
                .migrate();
    }

    @Test
    void a_project_lists_its_evidence_in_the_order_of_the_history_with_who_recorded_it() {
        attach(7, "p-1", "b".repeat(64), "licence.pdf", 0);
        attach(3, "p-1", "a".repeat(64), "回单.pdf", 2);
        attach(5, "p-2", "a".repeat(64), "same.pdf", 0);

        assertThat(evidence.of("p-1"))
                .containsExactly(
                        new FindEvidence.Result(
                                "a".repeat(64), "回单.pdf", "application/pdf", 1234, 2, "银行回单", "bureau", AT, 3),
                        new FindEvidence.Result(
                                "b".repeat(64), "licence.pdf", "application/pdf", 1234, 0, "银行回单", "bureau", AT, 7));
        assertThat(evidence.projectsWith("a".repeat(64))).containsExactly("p-1", "p-2");
        assertThat(evidence.projectsWith("c".repeat(64))).isEmpty();
    }

    @Test
    void a_reset_forgets_every_row() {
        attach(1, "p-1", "a".repeat(64), "回单.pdf", 0);

        evidence.reset();

        assertThat(evidence.of("p-1")).isEmpty();
    }

    /** The event as stored at {@code position}, and as the projection is handed it. */
    private void attach(long position, String project, String sha256, String name, long attachedTo) {
        EvidenceAttached event =
                new EvidenceAttached(ProjectId.of(project), sha256, name, "application/pdf", 1234, attachedTo, "银行回单");
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);
        jdbc.sql(
                        """
                        INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,
                            eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, ?, ?, 'InvestmentProject', ?, ?, ?, '1', ?, '2024-01-05T08:30:12.345Z')""")
                .params(
                        position,
                        project,
                        position,
                        message.getIdentifier(),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        EvidenceAttached.class.getName())
                .update();
        evidence.on(event, message, AT, "bureau");
    }

    private static JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:evidence-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
