package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.tracker.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL schema, set up as docs/operations.md says (scripts/postgres-roles.sql, Flyway as the owner): it has
 * the tables and columns of the H2 schema (ADR 0010), its history refuses to be rewritten, and the application
 * role may append to the history but not change, empty or alter it.
 */
class PostgresSchemaIT {

    private static final String HISTORY_INSERT =
            """
            INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                payloadType, timeStamp) VALUES ('%s', 0, 'X', '%s', CAST('{}' AS BYTEA), 'x', '2023-01-01T00:00:00Z')""";

    private static String url;

    @BeforeAll
    static void migratedAsDocumented() throws Exception {
        EmbeddedPostgresServer.assumeUsable();
        url = EmbeddedPostgresServer.newDatabase();
        try (Connection admin = connect("postgres");
                Statement statement = admin.createStatement()) {
            for (String command : Files.readString(Path.of("scripts/postgres-roles.sql"))
                    .replaceAll("(?m)^--.*$", "")
                    .split(";\\s*\\n")) {
                if (!command.isBlank()) {
                    statement.execute(command);
                }
            }
        }
        Flyway.configure()
                .dataSource(url.replace("user=postgres", "user=tracker_owner"), null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .placeholders(Map.of("appRole", "tracker_app"))
                .load()
                .migrate();
    }

    @Test
    void both_schemas_have_the_same_tables_columns_and_append_only_tables() throws Exception {
        Flyway.configure()
                .dataSource("jdbc:h2:mem:twin;DB_CLOSE_DELAY=-1", "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        String columns = "SELECT LOWER(table_name), LOWER(column_name), is_nullable FROM information_schema.columns"
                + " WHERE table_schema = '%s' AND LOWER(table_name) <> 'flyway_schema_history'";
        String triggers =
                "SELECT DISTINCT LOWER(event_object_table), 'append-only', '' FROM information_schema.triggers"
                        + " WHERE trigger_schema = '%s' AND trigger_name LIKE '%%append_only'";
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:twin", "sa", "");
                Connection postgres = connect("tracker_owner")) {
            assertThat(rows(postgres, columns.formatted("tracker")))
                    .isNotEmpty()
                    .isEqualTo(rows(h2, columns.formatted("PUBLIC")));
            assertThat(rows(postgres, columns.formatted("tracker_rebuild")))
                    .as("the replay makes its shadow tables and drops them (ADR 0021)")
                    .isEmpty();
            assertThat(rows(h2, columns.formatted("PUBLIC_REBUILD"))).isEmpty();
            assertThat(rows(postgres, triggers.formatted("tracker")))
                    .hasSize(7)
                    .isEqualTo(rows(h2, triggers.formatted("PUBLIC").replace("trigger_name", "LOWER(trigger_name)")));
        }
    }

    @Test
    void the_application_role_makes_a_shadow_table_like_its_live_one_and_drops_it() throws Exception {
        String columns = "SELECT table_name, column_name, data_type || ' ' || is_nullable || ' ' || is_identity"
                + " FROM information_schema.columns WHERE table_schema = '%s' AND table_name = 'report_fact'";
        // PostgreSQL names the copied indexes itself: their definitions are compared without the names
        String indexes = "SELECT tablename, 'index',"
                + " regexp_replace(replace(indexdef, '%1$s.', 'schema.'), 'INDEX \\S+ ON', 'INDEX ON')"
                + " FROM pg_indexes WHERE schemaname = '%1$s' AND tablename = 'report_fact'";
        try (Connection app = connect("tracker_app");
                Statement statement = app.createStatement()) {
            // what ShadowTables.create does on PostgreSQL
            statement.execute("CREATE TABLE tracker_rebuild.report_fact (LIKE tracker.report_fact INCLUDING ALL)");
            Set<String> shadowIndexes = rows(app, indexes.formatted("tracker_rebuild"));
            assertThat(rows(app, columns.formatted("tracker_rebuild")))
                    .isNotEmpty()
                    .isEqualTo(rows(app, columns.formatted("tracker")));
            assertThat(shadowIndexes).hasSizeGreaterThan(1).isEqualTo(rows(app, indexes.formatted("tracker")));
            statement.execute("DROP TABLE tracker_rebuild.report_fact");
        }
    }

    @Test
    void the_history_refuses_updates_deletes_and_truncation_even_to_its_owner() throws Exception {
        try (Connection owner = connect("tracker_owner");
                Statement statement = owner.createStatement()) {
            statement.execute(HISTORY_INSERT.formatted("owner-test", "owner-event"));
            statement.execute("INSERT INTO event_hash (position, hash) VALUES (-1, '%s')".formatted("0".repeat(64)));
            statement.execute("INSERT INTO idempotency_key (idem_key, request_hash, status, recorded_by, recorded_at)"
                    + " VALUES ('k', 'h', 201, 'bureau', CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO access_record (recorded_at, node, kind, outcome)"
                    + " VALUES (CURRENT_TIMESTAMP, 'n', 'VERIFIED', 'OK')");
            statement.execute("INSERT INTO evidence_file (sha256, media_type, size_bytes, content, stored_at)"
                    + " VALUES ('%s', 'application/pdf', 1, CAST('x' AS BYTEA), CURRENT_TIMESTAMP)"
                            .formatted("a".repeat(64)));
            for (String tampering : new String[] {
                "UPDATE DomainEventEntry SET payload = CAST('{\"x\":1}' AS BYTEA)",
                "DELETE FROM DomainEventEntry",
                "TRUNCATE DomainEventEntry CASCADE",
                "UPDATE event_hash SET hash = hash",
                "DELETE FROM event_hash",
                "TRUNCATE event_hash",
                "UPDATE idempotency_key SET status = 200",
                "DELETE FROM idempotency_key",
                "TRUNCATE idempotency_key",
                "UPDATE access_record SET outcome = 'forged'",
                "DELETE FROM access_record",
                "TRUNCATE access_record",
                "UPDATE evidence_file SET content = CAST('y' AS BYTEA)",
                "DELETE FROM evidence_file",
                "TRUNCATE evidence_file"
            }) {
                assertThatThrownBy(() -> statement.execute(tampering))
                        .as(tampering)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only")
                        .extracting(failure -> ((SQLException) failure).getSQLState())
                        .isEqualTo("23513");
            }
        }
    }

    @Test
    void the_application_role_appends_and_reads_but_cannot_rewrite_empty_or_alter() throws Exception {
        try (Connection app = connect("tracker_app");
                Statement statement = app.createStatement()) {
            statement.execute(HISTORY_INSERT.formatted("app-test", "app-event"));
            statement.execute("UPDATE append_lock SET appends = appends + 1 WHERE id = 1");
            statement.execute("INSERT INTO zone_directory (zone_id, name, city, province) VALUES ('z', 'z', 'c', 'p')");
            statement.execute("DELETE FROM zone_directory WHERE zone_id = 'z'");
            for (String forbidden : new String[] {
                "UPDATE DomainEventEntry SET type = 'Y'",
                "DELETE FROM event_hash",
                "DELETE FROM access_record",
                "TRUNCATE report_fact",
                "ALTER TABLE DomainEventEntry DISABLE TRIGGER ALL",
                "ALTER TABLE event_hash ADD COLUMN forged TEXT",
                "DROP TABLE idempotency_key",
                "UPDATE evidence_file SET media_type = 'text/html'",
                "DELETE FROM evidence_file",
                "DELETE FROM flyway_schema_history",
                "CREATE TABLE extra (id INTEGER)"
            }) {
                assertThatThrownBy(() -> statement.execute(forbidden))
                        .as(forbidden)
                        .isInstanceOf(SQLException.class)
                        .extracting(failure -> ((SQLException) failure).getSQLState())
                        .isEqualTo("42501");
            }
        }
    }

    private static Connection connect(String user) throws SQLException {
        return DriverManager.getConnection(url.replace("user=postgres", "user=" + user));
    }

    private static Set<String> rows(Connection connection, String query) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1) + "." + result.getString(2) + " " + result.getString(3));
            }
        }
        return rows;
    }
}
