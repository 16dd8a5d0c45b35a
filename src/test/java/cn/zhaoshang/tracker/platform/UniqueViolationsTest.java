package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationsTest {

    private final UniqueViolations violations = new UniqueViolations();

    @Test
    void h2_reports_a_batch_s_duplicate_key_as_the_next_exception_and_it_is_recognized() throws Exception {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:unique-violations")) {
            h2.createStatement().execute("CREATE TABLE stored (id VARCHAR(10), seq INT, PRIMARY KEY (id, seq))");
            h2.createStatement().execute("INSERT INTO stored VALUES ('p', 0)");
            PreparedStatement insert = h2.prepareStatement("INSERT INTO stored VALUES (?, ?)");
            insert.setString(1, "p");
            insert.setInt(2, 0);
            insert.addBatch();
            SQLException batch = null;
            try {
                insert.executeBatch();
            } catch (SQLException e) {
                batch = e;
            }
            assertThat((Object) batch).isNotNull();
            assertThat(violations.isDuplicateKeyViolation(new RuntimeException("appending", batch)))
                    .isTrue();
        }
    }

    @Test
    void postgresql_s_unique_violation_is_recognized_by_its_sql_state() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        BatchUpdateException batch =
                new BatchUpdateException("Batch entry 0 was aborted", "23505", 0, new int[0], unique);
        assertThat(violations.isDuplicateKeyViolation(new RuntimeException(batch)))
                .isTrue();
        assertThat(violations.isDuplicateKeyViolation(unique)).isTrue();
    }

    @Test
    void other_failures_are_not_concurrency_conflicts() {
        assertThat(violations.isDuplicateKeyViolation(new SQLException("foreign key", "23503")))
                .isFalse();
        assertThat(violations.isDuplicateKeyViolation(new SQLException("lock timeout", "HYT00")))
                .isFalse();
        assertThat(violations.isDuplicateKeyViolation(new IllegalStateException("no SQL at all")))
                .isFalse();
    }
}
