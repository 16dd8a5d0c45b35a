package cn.zhaoshang.tracker.platform;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rows of {@code aggregate_lock}, each held by the transaction that takes it until that transaction ends: a second
 * transaction taking the same row waits until then (ADR 0019). A row names an aggregate, or the project a signing
 * would create, by its signing key (ADR 0022). A transaction that takes several takes them in one order, all of them
 * before it appends, so that two transactions never wait for each other.
 */
@Component
public class AggregateLocks {

    /** As long as {@code DomainEventEntry.aggregateIdentifier} and {@code aggregate_lock.aggregate_id} allow. */
    private static final int LONGEST_AGGREGATE_ID = 255;

    private final JdbcClient jdbc;

    AggregateLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the row of {@code aggregateId} in the current transaction. The row is created the first time; two first
     * takers at once both find no row, and the one whose insert fails on the key, once the other has committed, gets
     * a {@link ConcurrencyException}: {@link CommandTransaction} runs its command again, other callers answer 409.
     */
    public void hold(String aggregateId) {
        if (aggregateId.length() > LONGEST_AGGREGATE_ID) {
            return; // names no aggregate: the command itself answers that it does not exist
        }
        int held = jdbc.sql("UPDATE aggregate_lock SET commands = commands + 1 WHERE aggregate_id = ?")
                .param(aggregateId)
                .update();
        if (held == 0) {
            try {
                jdbc.sql("INSERT INTO aggregate_lock (aggregate_id, commands) VALUES (?, 1)")
                        .param(aggregateId)
                        .update();
            } catch (DuplicateKeyException firstAtOnce) {
                throw new ConcurrencyException("aggregate " + aggregateId + " got its lock row meanwhile");
            }
        }
    }
}
