package cn.zhaoshang.tracker.platform;

import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one command in one database transaction: its events and the read models kept in step with them commit
 * together or not at all. It holds its aggregate's row in {@code aggregate_lock} from its first statement to its
 * commit (ADR 0019): commands on the same aggregate run one after the other, commands on different ones in parallel.
 * A conflict with a concurrent command on the same aggregate is retried from scratch. The pages use it as it is; the
 * API adds the Idempotency-Key ({@link IdempotentCommands}).
 */
@Component
public class CommandTransaction {

    private static final int ATTEMPTS = 5;

    private final TransactionTemplate transactions;
    private final AggregateLocks locks;

    CommandTransaction(TransactionTemplate transactions, AggregateLocks locks) {
        this.transactions = transactions;
        this.locks = locks;
    }

    /**
     * Runs {@code action}, which sends one command to the aggregate {@code aggregateId}, and returns its result. A
     * signing names the project it would create by its signing key ({@code SigningKey.lockName()}).
     */
    public <T> T run(String aggregateId, Supplier<T> action) {
        for (int tried = 1; ; tried++) {
            try {
                return transactions.execute(status -> {
                    holdAggregate(aggregateId);
                    return action.get();
                });
            } catch (ConcurrencyException concurrentChange) {
                if (tried == ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    /**
     * This transaction outlives the command's unit of work, and with it Axon's lock on the aggregate: a second
     * request for the same aggregate could load it before the first commits and conflict on its sequence number.
     * Holding the aggregate's row to the commit makes it load after the first commits. The row is created by the
     * aggregate's first HTTP command; two first commands at once both find no row, one of them fails to insert it
     * once the other commits and is retried. The append lock is taken later, when events are appended.
     */
    private void holdAggregate(String aggregateId) {
        locks.hold(aggregateId);
    }
}
