package cn.zhaoshang.tracker.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.shared.AccessRecords.Kind;
import cn.zhaoshang.tracker.shared.Reach;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessQueryTest {

    private static final Reach WHOLE_PROVINCE = new Reach(Set.of("a", "b"), Set.of(), Set.of("hunan"), true, true);
    private static final Reach ONE_ZONE = new Reach(Set.of("b"), Set.of(), Set.of(), false, false);

    @Test
    void a_reader_of_everything_gets_no_visibility_clause() {
        AccessQuery.Sql sql = query(WHOLE_PROVINCE, null, 100L, null).sql();
        assertThat(sql.text()).endsWith(" WHERE 1 = 1 AND id > ? ORDER BY id LIMIT ?");
        assertThat(sql.parameters()).containsExactly(100L, 51);
    }

    @Test
    void a_zone_s_reader_sees_its_zone_s_rows_and_its_own() {
        AccessQuery.Sql sql = query(ONE_ZONE, null, 0L, null).sql();
        assertThat(sql.text()).contains(" AND (zone_id IN (?) OR username = ?)");
        assertThat(sql.parameters()).containsExactly(0L, "b", "zaud", 51);
    }

    @Test
    void a_reader_without_a_scope_sees_only_its_own_rows() {
        AccessQuery.Sql sql = query(Reach.NOTHING, null, 0L, null).sql();
        assertThat(sql.text()).contains(" AND (username = ?)");
    }

    @Test
    void filters_come_before_the_visibility_and_before_pages_newest_first() {
        Instant from = Instant.parse("2024-01-04T16:00:00Z");
        AccessQuery query = new AccessQuery(
                Kind.WORKBOOK_DOWNLOADED, "clerk", "b", from, from.plusSeconds(86_400), null, 9L, 50, ONE_ZONE, "z");
        AccessQuery.Sql sql = query.sql();
        assertThat(sql.text())
                .contains(
                        "kind = ? AND username = ? AND zone_id = ? AND recorded_at >= ? AND recorded_at < ? AND id < ?")
                .endsWith(" ORDER BY id DESC LIMIT ?");
        assertThat(sql.parameters())
                .containsExactly(
                        "WORKBOOK_DOWNLOADED",
                        "clerk",
                        "b",
                        Timestamp.from(from),
                        Timestamp.from(from.plusSeconds(86_400)),
                        9L,
                        "b",
                        "z",
                        50);
    }

    @Test
    void days_are_beijing_days_and_to_includes_its_day() {
        AccessQuery query =
                new AccessFilter(null, null, null, "2024-01-05", "2024-01-05").query(0L, null, 10, ONE_ZONE, "z");
        assertThat(query.from()).isEqualTo(Instant.parse("2024-01-04T16:00:00Z"));
        assertThat(query.until()).isEqualTo(Instant.parse("2024-01-05T16:00:00Z"));
    }

    @Test
    void texts_are_cut_to_their_column_without_splitting_a_character() {
        assertThat(AccessLog.cut("a".repeat(70), AccessLog.NAME_LENGTH)).hasSize(64);
        assertThat(AccessLog.cut("a".repeat(63) + "😀", AccessLog.NAME_LENGTH)).hasSize(63);
        assertThat(AccessLog.cut(null, 5)).isNull();
    }

    private static AccessQuery query(Reach reach, Kind kind, Long after, Long before) {
        return new AccessQuery(kind, null, null, null, null, after, before, 51, reach, "zaud");
    }
}
