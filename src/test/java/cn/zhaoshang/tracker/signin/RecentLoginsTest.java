package cn.zhaoshang.tracker.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class RecentLoginsTest {

    private final FakeTicker ticker = new FakeTicker();
    private final FakeBcrypt bcrypt = new FakeBcrypt();
    /** Logins that no longer stand, as the access slice would say after a disable or a change of password. */
    private final java.util.Set<Object> stale = new java.util.HashSet<>();

    private final RecentLogins logins =
            new RecentLogins(bcrypt, new CredentialFingerprints(), ticker, principal -> !stale.contains(principal));

    @Test
    void the_same_right_password_is_checked_by_bcrypt_once_within_the_minute() {
        Authentication first = logins.authenticate(login("bureau", "bureau-demo"));
        Authentication second = logins.authenticate(login("bureau", "bureau-demo"));

        assertThat(bcrypt.checks()).isEqualTo(1);
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
        assertThat(bcrypt.checks()).isEqualTo(3);
    }

    @Test
    void a_refused_password_is_never_remembered() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> logins.authenticate(login("bureau", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcrypt.checks()).isEqualTo(3);
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
        ticker.advance(RecentLogins.TTL);

        logins.authenticate(login("bureau", "bureau-demo"));

        assertThat(bcrypt.checks()).isEqualTo(2);
    }

    @Test
    void a_remembered_login_that_no_longer_stands_is_checked_by_bcrypt_again() {
        Authentication first = logins.authenticate(login("bureau", "bureau-demo"));
        stale.add(first.getPrincipal());

        logins.authenticate(login("bureau", "bureau-demo"));

        assertThat(bcrypt.checks()).isEqualTo(2);
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
