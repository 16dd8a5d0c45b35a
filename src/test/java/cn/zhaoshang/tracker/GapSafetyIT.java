package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.RecordLanding;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command whose transaction stays open far longer than the event store's gap timeout (shortened to 300 ms here)
 * must still reach every projection and the hash chain. By design no later event can commit in the meantime
 * (ADR 0019), so tracking processors never see a gap they could give up on.
 */
@InMemoryTracker
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:gap-safety;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "tracker.events.gap-timeout=300"
        })
class GapSafetyIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void an_event_committed_long_after_a_later_command_started_reaches_projections_and_chain() throws Exception {
        Api api = new Api(mvc);
        String zone = api.newZone("gaps");
        String slow = api.newProject(zone);
        String fast = api.newProject(zone);

        CompletableFuture<Void> slowCommit = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new RecordLanding(ProjectId.of(slow), LocalDate.of(2023, 6, 1), null))
                    .andMetaData(Map.of("recordedBy", "bureau")));
            sleep(2_000);
        }));
        sleep(300);
        api.post("/api/projects/" + fast + "/landing", "{\"landedOn\": \"2023-06-02\"}")
                .andExpect(status().isOk());
        slowCommit.get();

        long slowPosition = position(slow);
        long fastPosition = position(fast);
        assertThat(slowPosition).isLessThan(fastPosition);
        assertThat(CaughtUp.await(jdbc)).isGreaterThanOrEqualTo(fastPosition);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_hash WHERE position = ?")
                        .param(slowPosition)
                        .query(Long.class)
                        .single())
                .as("the slow event is in the hash chain")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_fact WHERE project_id = ? AND kind = 'LANDING'")
                        .param(slow)
                        .query(Long.class)
                        .single())
                .as("the slow event is in the report projection")
                .isEqualTo(1);
    }

    private long position(String project) {
        return jdbc.sql("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 1")
                .param(project)
                .query(Long.class)
                .single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
