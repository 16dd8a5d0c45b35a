package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class RecentLoginsTest {

    private final MutableClock clock = new MutableClock();
    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final RecentLogins logins = new RecentLogins(bcrypt, clock);

    @Test
    void the_same_right_password_is_checked_by_bcrypt_once_within_the_minute() {
        Authentication first = logins.authenticate(login("bureau", "bureau-demo"));
        Authentication second = logins.authenticate(login("bureau", "bureau-demo"));

        assertThat(bcrypt.checks).isEqualTo(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("bureau");
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getCredentials()).as("no password kept").isNull();
    }

    @Test
    void a_wrong_password_is_always_checked_and_refused_even_after_a_right_one() {
        logins.authenticate(login("bureau", "bureau-demo"));

        assertThatThrownBy(() -> logins.authenticate(login("bureau", "bureau-dem")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> logins.authenticate(login("bureau", "bureau-dem")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt.checks).isEqualTo(3);
    }

    @Test
    void another_user_with_the_same_password_does_not_match_the_remembered_login() {
        logins.authenticate(login("bureau", "bureau-demo"));

        assertThatThrownBy(() -> logins.authenticate(login("leader", "bureau-demo")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_remembered_login_expires() {
        logins.authenticate(login("bureau", "bureau-demo"));
        clock.now = clock.now.plus(RecentLogins.TTL);

        logins.authenticate(login("bureau", "bureau-demo"));

        assertThat(bcrypt.checks).isEqualTo(2);
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    /** Accepts only user-demo as the password of each user, counting every check. */
    private static final class CountingBcrypt implements AuthenticationProvider {
        int checks;

        @Override
        public Authentication authenticate(Authentication authentication) {
            checks++;
            if (!authentication.getCredentials().equals(authentication.getName() + "-demo")) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    authentication.getName(), null, List.of(new SimpleGrantedAuthority("ROLE_BUREAU")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
