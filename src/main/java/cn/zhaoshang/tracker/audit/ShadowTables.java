package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.platform.ReadModelWrites;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;

/**
 * The replay's shadow schema: the read models' tables again, beside the live ones, under the live schema's name with
 * {@code _rebuild}. They are made like the live tables when a replay starts ({@link #create}: columns, keys,
 * identities and indexes, by the database's own means) and dropped when it ends, so no migration writes them. The
 * replay's connections come from a small pool of their own whose connections know the shadow schema only: the read
 * models' statements, which name their tables without a schema, reach the shadow tables, and a table missing there is
 * an error rather than the live table of that name (a model's reset would otherwise empty it). What the replay needs
 * of the live schema it names with the schema ({@link #liveTable}). No statement switches schemas.
 */
@Component
class ShadowTables implements DisposableBean {

    private final boolean postgres;
    private final String live;
    private final String shadow;
    private final HikariDataSource connections;
    private final JdbcTransactionManager transactions;
    private final JdbcClient liveJdbc;

    ShadowTables(DataSource dataSource, JdbcClient liveJdbc) {
        this.liveJdbc = liveJdbc;
        this.postgres = postgres(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            this.live = connection.getSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which schema holds the read models", e);
        }
        this.shadow = live + (postgres ? "_rebuild" : "_REBUILD");
        this.connections = pool(dataSource);
        this.transactions = new JdbcTransactionManager(connections);
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

    /** The same database as the live pool's, two connections at most, each knowing the shadow schema only. */
    private HikariDataSource pool(DataSource dataSource) {
        HikariDataSource livePool;
        try {
            livePool = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the replay needs the live connection pool's settings", e);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("shadow-tables");
        pool.setJdbcUrl(livePool.getJdbcUrl());
        pool.setUsername(livePool.getUsername());
        pool.setPassword(livePool.getPassword());
        pool.setDriverClassName(livePool.getDriverClassName());
        pool.setDataSourceProperties(livePool.getDataSourceProperties());
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        pool.setConnectionInitSql(
                postgres
                        ? "SET search_path TO " + quoted(shadow)
                        : "SET SCHEMA %s; SET SCHEMA_SEARCH_PATH %s".formatted(quoted(shadow), quoted(shadow)));
        return pool;
    }

    DataSource dataSource() {
        return connections;
    }

    JdbcTransactionManager transactions() {
        return transactions;
    }

    /** The statements of the replay's instances of the read models: they reach the shadow tables. */
    ReadModelWrites writes() {
        return new ReadModelWrites(connections, transactions);
    }

    /** A table of the live schema, named so that the replay's connections find it. */
    String liveTable(String table) {
        return qualified(live, table);
    }

    /** Reads the shadow tables (the rebuilt models' content). */
    JdbcClient jdbc() {
        return JdbcClient.create(connections);
    }

    /**
     * Makes each shadow table again like its live table, empty. PostgreSQL copies a table's definition itself
     * ({@code LIKE … INCLUDING ALL}); H2 writes it out as statements ({@code SCRIPT NODATA}), which are run again with
     * the shadow schema's name. DDL, so on connections of its own outside any transaction.
     */
    void create(List<String> tables) {
        drop(tables);
        JdbcClient shadowJdbc = jdbc();
        for (String table : tables) {
            if (postgres) {
                shadowJdbc
                        .sql("CREATE TABLE %s (LIKE %s INCLUDING ALL)"
                                .formatted(qualified(shadow, table), qualified(live, table)))
                        .update();
                continue;
            }
            List<String> definition = liveJdbc.sql("SCRIPT NODATA NOPASSWORDS NOSETTINGS NOVERSION TABLE "
                            + qualified(live, table.toUpperCase(Locale.ROOT)))
                    .query(String.class)
                    .list();
            for (String statement : definition) {
                if (statement.startsWith("CREATE ") && !statement.startsWith("CREATE USER")
                        || statement.startsWith("ALTER TABLE ")) {
                    shadowJdbc
                            .sql(statement.replace(quoted(live) + ".", quoted(shadow) + "."))
                            .update();
                }
            }
        }
    }

    /** Drops the shadow tables (they would double the read models' size in every backup between replays). */
    void drop(List<String> tables) {
        JdbcClient shadowJdbc = jdbc();
        for (String table : tables) {
            shadowJdbc.sql("DROP TABLE IF EXISTS " + qualified(shadow, table)).update();
        }
    }

    /**
     * Replaces the live table's rows with the shadow table's, in the current transaction on the live connections. An
     * identity column is left to the live table's own sequence (the copied rows keep their order), so that rows added
     * later by the processors do not collide with copied ones.
     */
    void copyToLive(String table) {
        List<Column> columns = columns(table);
        String copied = content(columns);
        String order = columns.stream()
                .filter(Column::identity)
                .map(column -> " ORDER BY " + column.name())
                .findFirst()
                .orElse("");
        liveJdbc.sql("DELETE FROM " + qualified(live, table)).update();
        liveJdbc.sql("INSERT INTO %s (%s) SELECT %s FROM %s%s"
                        .formatted(qualified(live, table), copied, copied, qualified(shadow, table), order))
                .update();
    }

    /**
     * The query whose rows are the table's content, on either side: every column but an identity (a surrogate key
     * numbered by the table's own sequence, which a rebuild need not repeat). The table is named without a schema, so
     * the live connections read the live table and the replay's connections the shadow one.
     */
    String contentQuery(String table) {
        return "SELECT %s FROM %s".formatted(content(columns(table)), table);
    }

    private List<Column> columns(String table) {
        return liveJdbc.sql(
                        """
                        SELECT column_name, is_identity FROM information_schema.columns
                        WHERE UPPER(table_schema) = UPPER(?) AND UPPER(table_name) = UPPER(?)
                        ORDER BY ordinal_position""")
                .params(live, table)
                .query((row, number) -> new Column(row.getString(1), "YES".equals(row.getString(2))))
                .list();
    }

    private static String content(List<Column> columns) {
        return columns.stream()
                .filter(column -> !column.identity())
                .map(Column::name)
                .collect(Collectors.joining(", "));
    }

    private record Column(String name, boolean identity) {}

    private static String qualified(String schema, String table) {
        return quoted(schema) + "." + table;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void destroy() {
        connections.close();
    }
}
