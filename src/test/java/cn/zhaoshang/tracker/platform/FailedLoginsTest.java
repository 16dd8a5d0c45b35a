package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {

    private final MutableClock clock = new MutableClock();
    private final FailedLogins logins = new FailedLogins(clock);

    @Test
    void the_first_five_wrong_passwords_are_answered_at_once_and_then_each_waits_longer() {
        for (int attempt = 1; attempt <= FailedLogins.FREE_ATTEMPTS; attempt++) {
            assertThat(logins.recordFailure("bureau")).isZero();
        }
        assertThat(logins.recordFailure("bureau")).isEqualTo(Duration.ofMillis(500));
        assertThat(logins.recordFailure("bureau")).isEqualTo(Duration.ofMillis(1000));
        for (int attempt = 0; attempt < 20; attempt++) {
            logins.recordFailure("bureau");
        }
        assertThat(logins.recordFailure("bureau")).isEqualTo(FailedLogins.MAX_PAUSE);
        assertThat(logins.recordFailure("leader"))
                .as("other users are not slowed")
                .isZero();
    }

    @Test
    void failures_are_forgotten_after_the_window() {
        for (int attempt = 0; attempt < 10; attempt++) {
            logins.recordFailure("auditor");
        }
        clock.now = clock.now.plus(FailedLogins.WINDOW).plusSeconds(1);
        assertThat(logins.recordFailure("auditor")).isZero();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
