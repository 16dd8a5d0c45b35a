package cn.zhaoshang.tracker.audit;

import javax.sql.DataSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, before any demo data or user is stored: announces the key in use if it is new, so that a key file that
 * cannot sign (another key, no predecessor to announce it) stops the start instead of failing the first command.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SigningKeyCheck implements ApplicationRunner {

    private final SigningKeys keys;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    SigningKeyCheck(SigningKeys keys, DataSource dataSource, TransactionTemplate transaction) {
        this.keys = keys;
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        transaction.executeWithoutResult(status -> {
            try {
                var connection = DataSourceUtils.getConnection(dataSource);
                try (var lock = connection.prepareStatement("UPDATE append_lock SET appends = appends WHERE id = 1")) {
                    lock.executeUpdate();
                }
                keys.announce(connection);
            } catch (java.sql.SQLException failed) {
                throw new IllegalStateException("cannot announce the signing key", failed);
            }
        });
    }
}
