package cn.zhaoshang.tracker.signin;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Stands in for bcrypt: the password of every user is its name (in lower case, as the user store ignores case)
 * followed by "-demo". It counts its checks and can take a while, as bcrypt does.
 */
final class FakeBcrypt implements AuthenticationProvider {

    private final AtomicInteger checks = new AtomicInteger();
    private final Duration takes;

    FakeBcrypt() {
        this(Duration.ZERO);
    }

    FakeBcrypt(Duration takes) {
        this.takes = takes;
    }

    int checks() {
        return checks.get();
    }

    @Override
    public Authentication authenticate(Authentication login) {
        checks.incrementAndGet();
        if (!takes.isZero()) {
            try {
                Thread.sleep(takes.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String name = login.getName().toLowerCase(Locale.ROOT);
        if (!login.getCredentials().equals(name + "-demo")) {
            throw new BadCredentialsException("wrong");
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_BUREAU")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return true;
    }
}
