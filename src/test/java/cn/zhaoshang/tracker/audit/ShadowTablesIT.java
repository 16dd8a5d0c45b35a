package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.tracker.InMemoryTracker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The replay rebuilds each read model in the shadow schema, in tables it makes like the live ones when it starts and
 * drops when it ends (ADR 0021): each must have the live table's columns, identities and indexes.
 */
@InMemoryTracker
class ShadowTablesIT {

    private static final String COLUMNS =
            """
            SELECT column_name || ' ' || data_type || ' ' || COALESCE(CAST(character_maximum_length AS VARCHAR), '')
                   || ' ' || COALESCE(CAST(numeric_precision AS VARCHAR), '') || ' ' || is_nullable
                   || ' ' || is_identity
            FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""";

    private static final String INDEXES =
            """
            SELECT index_name || ' ' || column_name || ' ' || ordinal_position FROM information_schema.index_columns
            WHERE table_schema = ? AND table_name = ? AND index_name NOT LIKE 'PRIMARY_KEY%'
            ORDER BY index_name, ordinal_position""";

    @Autowired
    Replay replay;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShadowTables shadow;

    @Test
    void the_shadow_of_every_read_model_table_has_its_columns_and_indexes_and_is_gone_after() {
        List<String> tables = replay.projections().stream()
                .flatMap(model -> model.tables().stream())
                .toList();
        assertThat(tables).contains("report_fact", "project_summary", "zone_directory", "project_warning");
        shadow.create(tables);
        for (String table : tables) {
            String name = table.toUpperCase(java.util.Locale.ROOT);
            List<String> columns = rows(COLUMNS, "PUBLIC", name);
            assertThat(columns).as(table).isNotEmpty();
            assertThat(rows(COLUMNS, "PUBLIC_REBUILD", name)).as(table).isEqualTo(columns);
            assertThat(rows(INDEXES, "PUBLIC_REBUILD", name)).as(table).isEqualTo(rows(INDEXES, "PUBLIC", name));
        }
        shadow.drop(tables);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC_REBUILD'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void the_replays_connections_know_the_shadow_tables_only_and_the_live_ones_by_their_schema() {
        shadow.create(List.of("zone_directory"));
        try {
            assertThat(count(shadow.jdbc(), "zone_directory")).isZero();
        } finally {
            shadow.drop(List.of("zone_directory"));
        }
        // a model's reset on its missing shadow table fails instead of emptying the live table of that name
        assertThatThrownBy(() -> shadow.jdbc().sql("DELETE FROM zone_directory").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> count(shadow.jdbc(), "TokenEntry")).isInstanceOf(DataAccessException.class);
        assertThat(count(shadow.jdbc(), shadow.liveTable("TokenEntry")))
                .isEqualTo(count(jdbc, "TokenEntry"))
                .isPositive();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private List<String> rows(String query, String schema, String table) {
        return jdbc.sql(query).params(schema, table).query(String.class).list();
    }
}
