package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.InMemoryTracker;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.RecordCapitalArrival;
import cn.zhaoshang.tracker.project.api.RecordLanding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two commands on one project outside the HTTP layer (a ledger import, say) both take the project's next sequence
 * number; the one that commits second must learn that it lost to a concurrent change, which is retried or answered
 * 409, and not fail as if the store were broken (a 500).
 */
@InMemoryTracker
class SequenceConflictIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void the_command_that_loses_the_race_for_a_sequence_number_gets_a_concurrency_exception() throws Exception {
        Api api = new Api(mvc);
        ProjectId project = ProjectId.of(api.newProject(api.newZone("hengyang")));
        CountDownLatch appended = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new RecordLanding(project, LocalDate.of(2023, 6, 1), null));
            appended.countDown();
            pause(300); // the second command loads the project as it was before this one and appends behind it
        }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(
                        () -> transactions.executeWithoutResult(status -> commands.sendAndWait(new RecordCapitalArrival(
                                project,
                                ArrivalId.random(),
                                LocalDate.of(2023, 7, 1),
                                CapitalKind.FOREIGN,
                                new BigDecimal("1000"),
                                null))))
                .isInstanceOf(ConcurrencyException.class);
        first.get(10, TimeUnit.SECONDS);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
