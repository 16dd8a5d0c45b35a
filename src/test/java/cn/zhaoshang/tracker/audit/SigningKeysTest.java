package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.MigratedH2;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The key in use is announced in {@code signing_key} by the first append that signs with it, on its own database. */
class SigningKeysTest {

    @TempDir
    Path dir;

    private final JdbcDataSource dataSource = MigratedH2.create("signing-keys");
    private final TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));

    @Test
    void a_key_whose_announcement_was_rolled_back_is_announced_by_the_next_append() {
        SigningKeys keys = new SigningKeys(
                dir.resolve("signing.key").toString(), true, "", JdbcClient.create(dataSource), Clock.systemUTC());

        transactions.executeWithoutResult(status -> {
            announce(keys);
            status.setRollbackOnly(); // the append failed after the announcement was written
        });
        assertThat(keys.published()).isEmpty();

        transactions.executeWithoutResult(status -> announce(keys));
        assertThat(keys.published()).extracting(SigningKeys.Published::keyId).containsExactly(keys.keyId());

        transactions.executeWithoutResult(status -> announce(keys));
        assertThat(keys.published()).as("announced once").hasSize(1);
    }

    /** As the chain's writer calls it: on the appending transaction's connection. */
    private void announce(SigningKeys keys) {
        try {
            keys.announce(DataSourceUtils.getConnection(dataSource));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
