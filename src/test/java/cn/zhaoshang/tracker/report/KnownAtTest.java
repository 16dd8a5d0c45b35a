package cn.zhaoshang.tracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KnownAtTest {

    @Test
    void a_date_is_the_start_of_that_day_in_beijing_time() {
        assertThat(KnownAt.parse("2024-01-05")).contains(Instant.parse("2024-01-04T16:00:00Z"));
    }

    @Test
    void an_instant_keeps_its_offset() {
        assertThat(KnownAt.parse("2024-01-05T08:00:00+08:00")).contains(Instant.parse("2024-01-05T00:00:00Z"));
        assertThat(KnownAt.parse("2024-01-05T00:00:00Z")).contains(Instant.parse("2024-01-05T00:00:00Z"));
    }

    @Test
    void anything_else_is_not_a_known_at() {
        assertThat(KnownAt.parse("2024-13-01")).isEmpty();
        assertThat(KnownAt.parse("yesterday")).isEmpty();
        assertThat(KnownAt.parse("2024-01-05T08:00:00")).isEmpty();
        assertThat(KnownAt.parse(null)).isEmpty();
        assertThat(KnownAt.parse("+999999999-12-31T23:59:59.999999999-18:00"))
                .hasValueSatisfying(far -> assertThat(KnownAt.inRange(far)).isFalse());
    }
}
