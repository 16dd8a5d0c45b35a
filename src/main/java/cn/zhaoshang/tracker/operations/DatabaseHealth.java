package cn.zhaoshang.tracker.operations;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The store's part of health and readiness, answered within {@link #LIMIT}: when the database is gone, taking a
 * connection waits for the pool's timeout (30 s), longer than a proxy or a probe waits. The check runs on one thread
 * of its own; a probe arriving while a check still waits gets DOWN at once instead of starting another one.
 * Replaces Spring Boot's own "db" indicator (same name).
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    static final Duration LIMIT = Duration.ofMillis(1500);

    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Future<Health>> running = new AtomicReference<>();

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        Future<Health> check =
                running.updateAndGet(last -> last == null || last.isDone() ? checker.submit(this::check) : last);
        try {
            return check.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException noAnswer) {
            return Health.down()
                    .withDetail(
                            "error",
                            "数据库 %d 毫秒内无应答 / the database did not answer within %d ms"
                                    .formatted(LIMIT.toMillis(), LIMIT.toMillis()))
                    .build();
        } catch (ExecutionException failed) {
            return Health.down(failed.getCause()).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private Health check() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String database = connection.getMetaData().getDatabaseProductName();
            return connection.isValid(1)
                    ? Health.up().withDetail("database", database).build()
                    : Health.down().withDetail("database", database).build();
        }
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
