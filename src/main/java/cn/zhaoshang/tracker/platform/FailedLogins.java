package cn.zhaoshang.tracker.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} wrong passwords for a user within
 * {@link #WINDOW}, each further failure is answered only after a growing pause (up to {@link #MAX_PAUSE}). A
 * successful login forgets the failures, so the rightful user is never slowed.
 */
@Component
class FailedLogins {

    static final int FREE_ATTEMPTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration STEP = Duration.ofMillis(500);
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    FailedLogins(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant since) {}

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) throws InterruptedException {
        Duration pause = recordFailure(event.getAuthentication().getName());
        if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        failures.remove(event.getAuthentication().getName());
    }

    /** Counts one more failure and says how long to pause before answering it. */
    Duration recordFailure(String username) {
        Instant now = clock.instant();
        Failures counted = failures.compute(
                username,
                (user, earlier) ->
                        earlier == null || earlier.since().plus(WINDOW).isBefore(now)
                                ? new Failures(1, now)
                                : new Failures(earlier.count() + 1, earlier.since()));
        int beyond = counted.count() - FREE_ATTEMPTS;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration pause = STEP.multipliedBy(beyond);
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}
