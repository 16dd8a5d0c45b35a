package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.pages.Shown;
import cn.zhaoshang.tracker.shared.AlreadyRunning;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Replays started from the auditor's page. A replay of a large store takes minutes, so it runs on its
 * own thread, never on a request thread, and only one at a time; the page polls its progress.
 */
@Component
class ReplayRuns {

    private static final Logger log = LoggerFactory.getLogger(ReplayRuns.class);

    enum State {
        RUNNING,
        DONE,
        FAILED,
        /** Not run: another replay held the lock (started through the API, or on another instance). */
        REFUSED
    }

    /** A snapshot of one run; {@code total} is 0 until the replay has counted the events. */
    record Status(
            long run,
            State state,
            String startedBy,
            Instant startedAt,
            long done,
            long total,
            Replay.Result result,
            String failure) {

        /** When it started, Beijing time, as the page shows it. */
        public String startedAtShown() {
            return Shown.moment(startedAt);
        }
    }

    private final BiFunction<String, Replay.Progress, Replay.Result> replay;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "replay");
        thread.setDaemon(true);
        return thread;
    });
    private Status latest;

    @Autowired
    ReplayRuns(Replay replay, Clock clock) {
        this(replay::run, clock);
    }

    ReplayRuns(BiFunction<String, Replay.Progress, Replay.Result> replay, Clock clock) {
        this.replay = replay;
        this.clock = clock;
    }

    /** Starts a replay unless one is running; empty when one is. */
    synchronized Optional<Status> start(String startedBy) {
        if (latest != null && latest.state() == State.RUNNING) {
            return Optional.empty();
        }
        long run = latest == null ? 1 : latest.run() + 1;
        latest = new Status(run, State.RUNNING, startedBy, clock.instant(), 0, 0, null, null);
        Status started = latest;
        worker.execute(() -> execute(run, startedBy));
        return Optional.of(started);
    }

    synchronized Optional<Status> latest() {
        return Optional.ofNullable(latest);
    }

    private void execute(long run, String startedBy) {
        try {
            Replay.Result result = replay.apply(startedBy, (done, total) -> update(run, done, total));
            finish(run, State.DONE, result, null);
        } catch (AlreadyRunning refused) {
            finish(run, State.REFUSED, null, refused.getMessage());
        } catch (RuntimeException failed) {
            log.error("Replay {} failed", run, failed);
            finish(run, State.FAILED, null, failed.getMessage());
        }
    }

    private synchronized void update(long run, long done, long total) {
        if (latest.run() == run) {
            latest = new Status(run, State.RUNNING, latest.startedBy(), latest.startedAt(), done, total, null, null);
        }
    }

    private synchronized void finish(long run, State state, Replay.Result result, String failure) {
        if (latest.run() == run) {
            long done = result == null ? latest.done() : result.eventsReplayed();
            long total = result == null ? latest.total() : result.eventsReplayed();
            latest = new Status(run, state, latest.startedBy(), latest.startedAt(), done, total, result, failure);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
