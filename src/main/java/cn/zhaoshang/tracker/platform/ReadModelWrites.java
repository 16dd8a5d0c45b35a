package cn.zhaoshang.tracker.platform;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements that keep the read models. Outside a replay each one runs at once, in the caller's transaction,
 * exactly as a {@link JdbcClient} update would (the processors, the command's transaction).
 *
 * <p>While a replay (ADR 0013) runs on a thread, that thread's statements are collected and sent as JDBC batches:
 * one statement per event and model made the replay pay a round through Spring, H2's parser and its statement
 * cache for every row. Order is kept where it matters: statements on different
 * tables commute (no write of a read model reads another table), statements on the same table are sent in the order
 * they came (a different statement on the table sends the collected ones first), and {@link #now()} sends everything
 * before a read or a statement whose count is needed. A model may also keep state in memory for the length of the
 * replay ({@link #replayState}).
 */
@Component
public class ReadModelWrites {

    /** Statements collected before they are sent: enough to make batches, few enough to stay small in the heap. */
    private static final int PENDING = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ThreadLocal<Batch> replays = new ThreadLocal<>();

    public ReadModelWrites(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /** Runs the statement on {@code table} now, or, during this thread's replay, adds it to the table's batch. */
    public void write(String table, String sql, Object... params) {
        Batch batch = replays.get();
        if (batch == null) {
            jdbc.sql(sql).params(params).update();
        } else {
            batch.add(table, sql, params);
        }
    }

    /** The client for reads and for statements whose update count is used: sends whatever this thread collected. */
    public JdbcClient now() {
        Batch batch = replays.get();
        if (batch != null) {
            batch.send();
        }
        return jdbc;
    }

    /** Whether a replay runs on this thread. */
    public boolean replaying() {
        return replays.get() != null;
    }

    /**
     * Runs {@code replay} on this thread with its statements batched; before it returns, each model's replay state
     * is finished and every statement is sent (so the caller can compare the rebuilt tables).
     */
    public <T> T replay(Supplier<T> replay) {
        if (replays.get() != null) {
            throw new IllegalStateException("a replay already runs on this thread");
        }
        Batch batch = new Batch();
        replays.set(batch);
        try {
            T result = replay.get();
            batch.finish();
            return result;
        } finally {
            replays.remove();
        }
    }

    /**
     * The last event of this thread's replay has been handed over: each model's replay state is finished and every
     * statement sent, in the caller's transaction (a replay in several transactions ends in its last one).
     */
    public void endOfReplay() {
        Batch batch = replays.get();
        if (batch == null) {
            throw new IllegalStateException("no replay runs on this thread");
        }
        batch.finish();
    }

    /**
     * State that {@code owner} keeps in memory for the length of this thread's replay, created on first use; empty
     * outside a replay. {@code finish} writes what is left of it after the last event (its statements still go
     * through this class).
     */
    @SuppressWarnings("unchecked")
    public <S> Optional<S> replayState(Object owner, Supplier<S> create, Consumer<S> finish) {
        Batch batch = replays.get();
        if (batch == null) {
            return Optional.empty();
        }
        return Optional.of((S) batch.states
                .computeIfAbsent(owner, key -> new State<>(create.get(), finish))
                .value());
    }

    private record State<S>(S value, Consumer<S> finish) {

        void end() {
            finish.accept(value);
        }
    }

    private record Pending(String sql, List<Object[]> params) {}

    private final class Batch {

        private final Map<String, Pending> tables = new LinkedHashMap<>();
        private final Map<Object, State<?>> states = new IdentityHashMap<>();
        private int pending;

        void add(String table, String sql, Object[] params) {
            Pending waiting = tables.get(table);
            if (waiting != null && !waiting.sql().equals(sql)) {
                send(waiting);
                waiting = null;
            }
            if (waiting == null) {
                waiting = new Pending(sql, new ArrayList<>());
                tables.put(table, waiting);
            }
            waiting.params().add(params);
            if (++pending >= PENDING) {
                send();
            }
        }

        void send() {
            for (Pending waiting : tables.values()) {
                send(waiting);
            }
            tables.clear();
            pending = 0;
        }

        private void send(Pending waiting) {
            if (!waiting.params().isEmpty()) {
                template.batchUpdate(waiting.sql(), waiting.params());
                pending -= waiting.params().size();
                waiting.params().clear();
            }
        }

        void finish() {
            for (State<?> state : states.values()) {
                state.end();
            }
            states.clear();
            send();
        }
    }
}
