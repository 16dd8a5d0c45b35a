package cn.zhaoshang.tracker;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (Maven Central binaries, no Docker) for all the tests of the JVM, each test class on
 * a database of its own. PostgreSQL refuses to run as root: .ci/run builds as an unprivileged user and sets
 * {@code tracker.postgres.required}, so that there these tests fail rather than skip.
 */
public final class EmbeddedPostgresServer {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final String AS_ROOT =
            "PostgreSQL refuses to run as root: run the build as an unprivileged user, as .ci/run does";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {}

    /** Call from {@code @BeforeAll}: skips the test class as root, unless PostgreSQL tests are required. */
    public static void assumeUsable() {
        if (ROOT) {
            if (Boolean.getBoolean("tracker.postgres.required")) {
                throw new IllegalStateException(AS_ROOT);
            }
            Assumptions.abort(AS_ROOT);
        }
    }

    /**
     * The same decision as {@link #assumeUsable()} for a whole test class, taken before its instance exists: so also
     * for test classes whose Spring context starts with the instance ({@code @TestInstance(PER_CLASS)}).
     */
    public static final class Usable implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!ROOT) {
                return ConditionEvaluationResult.enabled("not root");
            }
            if (Boolean.getBoolean("tracker.postgres.required")) {
                throw new IllegalStateException(AS_ROOT);
            }
            return ConditionEvaluationResult.disabled(AS_ROOT);
        }
    }

    /** Points the test's Spring context at a new, empty database on the shared server. */
    public static void useNewDatabase(DynamicPropertyRegistry properties) {
        String url = newDatabase();
        properties.add("spring.datasource.url", () -> url);
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "");
    }

    /** A new, empty database on the shared server. */
    public static String newDatabase() {
        if (ROOT) {
            throw new IllegalStateException(AS_ROOT);
        }
        String name = "tracker_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
        return server().getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException failed) {
                throw new IllegalStateException("embedded PostgreSQL did not start", failed);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
        }
        return server;
    }
}
