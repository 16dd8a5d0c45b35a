package cn.zhaoshang.tracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class DatabaseHealthTest {

    @Test
    void a_database_that_answers_is_up() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:health");
        DatabaseHealth health = new DatabaseHealth(h2);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        health.stop();
    }

    @Test
    void a_database_that_does_not_answer_is_down_within_the_limit_and_checked_by_one_thread_only() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        DataSource hanging = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        attempts.incrementAndGet();
                        gone.await(); // as a pool waits for its timeout while the database is gone
                        throw new java.sql.SQLTransientConnectionException("timed out");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        DatabaseHealth health = new DatabaseHealth(hanging);

        for (int probe = 0; probe < 3; probe++) {
            long started = System.nanoTime();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(Duration.ofSeconds(5)); // the hang is endless: any answer proves it was not awaited
        }
        assertThat(attempts).hasValue(1);

        gone.countDown();
        health.stop();
    }
}
