package cn.zhaoshang.tracker;

import static cn.zhaoshang.tracker.ProductionSecrets.KEY;
import static cn.zhaoshang.tracker.ProductionSecrets.REAL_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The instances run as the application role and never hold the schema owner's password: the owner migrates in a step
 * of its own ({@code java -jar … migrate}), and an instance refuses to start on a schema that step has not brought to
 * its version (docs/operations.md).
 */
class PostgresMigrationStepIT {

    @BeforeAll
    static void needsPostgres() {
        EmbeddedPostgresServer.assumeUsable();
    }

    @Test
    void the_owner_migrates_in_a_step_of_its_own_and_the_instances_start_as_the_application_role() throws Exception {
        String url = EmbeddedPostgresServer.newDatabase();
        rolesAsDocumented(url);
        // the users are given as the operator gives them, not in the URL (where they would win)
        String asApp = url.replaceAll("[?&]user=postgres", "");

        assertThatThrownBy(() -> instance(asApp))
                .rootCause()
                .hasMessageContaining("the schema is not migrated to this version")
                .hasMessageContaining("java -jar investment-tracker.jar migrate");

        assertThat(Migrations.run(
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + asApp,
                        "--spring.datasource.username=tracker_app",
                        "--spring.flyway.user=tracker_owner",
                        "--spring.flyway.password="))
                .isZero();

        try (ConfigurableApplicationContext started = instance(asApp)) {
            JdbcClient jdbc = started.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                    .isEqualTo("tracker_app");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext instance(String url) {
        return new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("postgres")
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=tracker_app",
                        "--server.port=0",
                        "--tracker.signing.key-file=" + KEY,
                        "--tracker.signing.create-key=true",
                        "--tracker.bootstrap-users[0].username=chen",
                        "--tracker.bootstrap-users[0].password=" + REAL_PASSWORD,
                        "--tracker.bootstrap-users[0].roles=BUREAU",
                        "--tracker.bootstrap-users[0].scope.level=PROVINCE",
                        "--tracker.bootstrap-users[0].scope.id=hunan");
    }

    /** scripts/postgres-roles.sql on a new database; the roles are the cluster's, made once for every test. */
    private static void rolesAsDocumented(String url) throws Exception {
        try (Connection admin = DriverManager.getConnection(url);
                Statement statement = admin.createStatement()) {
            for (String command : Files.readString(Path.of("scripts/postgres-roles.sql"))
                    .replaceAll("(?m)^--.*$", "")
                    .split(";\\s*\\n")) {
                String sql = command.strip();
                if (sql.isEmpty() || (sql.startsWith("CREATE ROLE") && exists(statement, sql.split("\\s+")[2]))) {
                    continue;
                }
                statement.execute(sql);
            }
        }
    }

    private static boolean exists(Statement statement, String role) throws Exception {
        try (ResultSet row = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            return row.next();
        }
    }
}
