package cn.zhaoshang.tracker.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replay's shadow schema (Flyway V9, ADR 0013): the read models' tables again, beside the live ones, under the
 * live schema's name with {@code _rebuild}. Inside {@link #inside} the read models' own statements, which name
 * their tables without a schema, reach the shadow tables; the history's tables, which only the live schema has,
 * are found as before.
 */
@Component
class ShadowTables {

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final String live;
    private final String shadow;

    ShadowTables(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = postgres(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            this.live = connection.getSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which schema holds the read models", e);
        }
        this.shadow = live + (postgres ? "_rebuild" : "_REBUILD");
    }

    /** Whether the store is PostgreSQL (otherwise H2), as the driver names its database. */
    static boolean postgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database holds the events", e);
        }
    }

    /**
     * Runs {@code work} in the current transaction with the read models' table names meaning the shadow tables.
     * H2 caches prepared statements per connection and PostgreSQL per search path; both parse again after the
     * switch.
     */
    <T> T inside(Supplier<T> work) {
        if (postgres) {
            String path = jdbc.sql("SELECT current_setting('search_path')")
                    .query(String.class)
                    .single();
            searchPath(quoted(shadow) + ", " + path);
            try {
                return work.get();
            } finally {
                searchPath(path);
            }
        }
        jdbc.sql("SET SCHEMA " + quoted(shadow)).update();
        jdbc.sql("SET SCHEMA_SEARCH_PATH " + quoted(live)).update();
        try {
            return work.get();
        } finally {
            jdbc.sql("SET SCHEMA " + quoted(live)).update();
        }
    }

    /**
     * Empties the shadow tables (TRUNCATE: on H2 it commits, so it runs outside the replay's transactions). Their
     * identities go on counting: restarting one needs its owner on PostgreSQL, and only their order matters.
     */
    void empty(List<String> tables) {
        for (String table : tables) {
            jdbc.sql("TRUNCATE TABLE " + shadowOf(table)).update();
        }
    }

    /**
     * Replaces the live table's rows with the shadow table's, in the current transaction. An identity column is
     * left to the live table's own sequence (the copied rows keep their order), so that rows added later by the
     * processors do not collide with copied ones.
     */
    void copyToLive(String table) {
        List<Column> columns = jdbc.sql(
                        """
                        SELECT column_name, is_identity FROM information_schema.columns
                        WHERE UPPER(table_schema) = UPPER(?) AND UPPER(table_name) = UPPER(?)
                        ORDER BY ordinal_position""")
                .params(live, table)
                .query((row, number) -> new Column(row.getString(1), "YES".equals(row.getString(2))))
                .list();
        String copied = columns.stream()
                .filter(column -> !column.identity())
                .map(Column::name)
                .collect(Collectors.joining(", "));
        String order = columns.stream()
                .filter(Column::identity)
                .map(column -> " ORDER BY " + column.name())
                .findFirst()
                .orElse("");
        jdbc.sql("DELETE FROM " + liveOf(table)).update();
        jdbc.sql("INSERT INTO %s (%s) SELECT %s FROM %s%s"
                        .formatted(liveOf(table), copied, copied, shadowOf(table), order))
                .update();
    }

    private record Column(String name, boolean identity) {}

    private void searchPath(String path) {
        jdbc.sql("SELECT set_config('search_path', ?, true)")
                .param(path)
                .query(String.class)
                .single();
    }

    private String liveOf(String table) {
        return quoted(live) + "." + table;
    }

    private String shadowOf(String table) {
        return quoted(shadow) + "." + table;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
