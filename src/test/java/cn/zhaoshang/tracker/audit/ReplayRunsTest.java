package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.shared.AlreadyRunning;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replays from the page run in the background, one at a time, and tell how far they are. */
class ReplayRunsTest {

    private static final Replay.Result RESULT =
            new Replay.Result(100, 5, true, List.of(new Replay.Model("report", true, "a", "a")));

    private final CountDownLatch halfway = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private final ReplayRuns runs = new ReplayRuns(
            (startedBy, progress) -> {
                for (long done = 0; done <= 50; done++) {
                    progress.replayed(done, 100);
                }
                halfway.countDown();
                await(finish);
                return RESULT;
            },
            Clock.fixed(Instant.parse("2024-01-22T02:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        finish.countDown();
        runs.stop();
    }

    @Test
    void a_running_replay_reports_how_many_events_it_has_done_of_how_many() throws Exception {
        assertThat(runs.start("auditor")).isPresent();
        assertThat(halfway.await(5, TimeUnit.SECONDS)).isTrue();

        ReplayRuns.Status status = runs.latest().orElseThrow();
        assertThat(status.state()).isEqualTo(ReplayRuns.State.RUNNING);
        assertThat(status.done()).isEqualTo(50);
        assertThat(status.total()).isEqualTo(100);
        assertThat(status.startedBy()).isEqualTo("auditor");
        assertThat(status.startedAtShown()).isEqualTo("2024-01-22 10:00:00");
    }

    @Test
    void a_second_start_while_one_runs_is_refused_and_a_start_after_it_ended_is_not() throws Exception {
        ReplayRuns.Status first = runs.start("auditor").orElseThrow();
        assertThat(runs.start("another")).isEmpty();

        finish.countDown();
        ReplayRuns.Status done = eventually(() -> runs.latest()
                .filter(status -> status.state() != ReplayRuns.State.RUNNING)
                .orElse(null));
        assertThat(done.state()).isEqualTo(ReplayRuns.State.DONE);
        assertThat(done.result()).isEqualTo(RESULT);
        assertThat(done.done()).isEqualTo(100);

        assertThat(runs.start("auditor").orElseThrow().run()).isEqualTo(first.run() + 1);
    }

    @Test
    void a_failed_replay_says_why_and_lets_the_next_one_start() throws Exception {
        ReplayRuns failing = throwing(new IllegalStateException("report did not catch up with 12"));
        try {
            ReplayRuns.Status failed = ended(failing);
            assertThat(failed.state()).isEqualTo(ReplayRuns.State.FAILED);
            assertThat(failed.failure()).contains("did not catch up");
            assertThat(failing.start("auditor")).isPresent();
        } finally {
            failing.stop();
        }
    }

    @Test
    void a_replay_refused_because_another_runs_elsewhere_says_so_rather_than_failed() throws Exception {
        ReplayRuns refusing = throwing(new AlreadyRunning("已有重建在进行中 / a replay is already running"));
        try {
            ReplayRuns.Status refused = ended(refusing);
            assertThat(refused.state()).isEqualTo(ReplayRuns.State.REFUSED);
            assertThat(refused.failure()).contains("a replay is already running");
        } finally {
            refusing.stop();
        }
    }

    private static ReplayRuns throwing(RuntimeException thrown) {
        return new ReplayRuns(
                (startedBy, progress) -> {
                    throw thrown;
                },
                Clock.systemUTC());
    }

    /** Starts a run and waits until it has ended. */
    private static ReplayRuns.Status ended(ReplayRuns runs) throws InterruptedException {
        runs.start("auditor");
        return eventually(() -> runs.latest()
                .filter(status -> status.state() != ReplayRuns.State.RUNNING)
                .orElse(null));
    }

    private static <T> T eventually(Supplier<T> check) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        T value;
        while ((value = check.get()) == null) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(10);
        }
        return value;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
