package cn.zhaoshang.tracker.platform;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that storing an event failed because another transaction stored that aggregate's sequence number
 * first, so that it becomes a {@code ConcurrencyException} (retried by {@link CommandTransaction}, else 409) and not
 * an {@code EventStoreException} (a 500). Axon's own resolver looks for {@link SQLIntegrityConstraintViolationException}
 * among the causes only; H2 reports a batch's violation as the batch exception's next exception, and PostgreSQL's
 * driver never uses that class. Both give the standard SQLSTATE of a unique violation, 23505.
 */
final class UniqueViolations implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && anyUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (next instanceof SQLIntegrityConstraintViolationException
                    || UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
