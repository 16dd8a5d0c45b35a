package cn.zhaoshang.tracker.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statements that keep a read model, on one set of tables: the live ones (the bean) or the replay's rebuilt ones
 * (audit.Replay makes a second instance on the shadow schema's connections).
 *
 * <p>Inside an Axon unit of work (a processor's batch, or a subscribing processor's share of a command) the
 * statements are collected as a resource of that unit of work and sent as JDBC batches when it prepares to commit:
 * one round trip per statement made a replay of a million events pay a million rounds. Order is kept where it
 * matters: statements on different tables commute (no write of a read model reads another table), statements on
 * the same table are sent in the order they came, and {@link #now()} sends everything before a read or a statement
 * whose count is needed. Outside a unit of work (a unit test) each statement runs at once.
 */
public class ReadModelWrites {

    /** Statements collected before they are sent: enough to make batches, few enough to stay small in the heap. */
    private static final int PENDING = 1_000;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final TransactionTemplate savepoints;
    private static final AtomicLong INSTANCES = new AtomicLong();

    /** The name of this instance's batch among a unit of work's resources (the live and the replay's differ). */
    private final String resource = "read-model-writes-" + INSTANCES.incrementAndGet();

    public ReadModelWrites(DataSource dataSource, PlatformTransactionManager transactions) {
        this.template = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(template);
        this.savepoints = new TransactionTemplate(transactions);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs the statement on {@code table}, or, inside a unit of work, adds it to the table's batch. */
    public void write(String table, String sql, Object... params) {
        if (CurrentUnitOfWork.isStarted()) {
            batch(CurrentUnitOfWork.get()).add(table, sql, params);
        } else {
            jdbc.sql(sql).params(params).update();
        }
    }

    /** The client for reads and for statements whose update count is used: sends whatever was collected first. */
    public JdbcClient now() {
        CurrentUnitOfWork.ifStarted(unitOfWork -> {
            Batch batch = unitOfWork.getResource(resource);
            if (batch != null) {
                batch.send();
            }
        });
        return jdbc;
    }

    /** Empties the tables {@code model}'s {@link ReadModel} names, as its {@code @ResetHandler} does. */
    public void empty(Object model) {
        for (String table : tablesOf(model.getClass())) {
            now().sql("DELETE FROM " + table).update();
        }
    }

    /** The tables the {@link ReadModel} annotation of {@code model} names. */
    public static List<String> tablesOf(Class<?> model) {
        ReadModel annotation = AnnotationUtils.findAnnotation(model, ReadModel.class);
        if (annotation == null) {
            throw new IllegalArgumentException(model.getName() + " is not a @ReadModel");
        }
        return List.of(annotation.tables());
    }

    /**
     * Runs {@code work} in a savepoint of the current transaction, so that a statement it expects may fail (a
     * duplicate key) leaves the transaction usable: PostgreSQL aborts the whole transaction on a failed statement.
     */
    public void inSavepoint(Runnable work) {
        now();
        savepoints.executeWithoutResult(status -> work.run());
    }

    private Batch batch(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(resource, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(committing -> batch.send());
            return batch;
        });
    }

    private record Pending(String sql, List<Object[]> params) {}

    private final class Batch {

        private final Map<String, Pending> tables = new LinkedHashMap<>();
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
    }
}
