package cn.zhaoshang.tracker.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

/**
 * Remembers successful logins for {@link #TTL}, so that a Basic client sending the same credentials with every
 * request pays bcrypt (~70 ms of CPU) once a minute instead of once a request.
 *
 * <p>Only what bcrypt accepted is remembered, under the fingerprint of user name and password
 * ({@link CredentialFingerprints}): the cache holds no password, a wrong password never matches an entry and is
 * checked by bcrypt every time, and another user with the same password does not match. The cache is bounded in
 * size and entries expire. A remembered login is used only while {@link LoginStamps} says it still stands: a
 * disabled user, a changed password or changed access is checked anew by bcrypt at its next request.
 */
final class RecentLogins implements AuthenticationProvider {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 1_000;

    private final AuthenticationProvider delegate;
    private final CredentialFingerprints fingerprints;
    private final Cache<String, Login> logins;
    private final LoginStamps stamps;

    private record Login(Object principal, Collection<? extends GrantedAuthority> authorities) {}

    RecentLogins(
            AuthenticationProvider delegate, CredentialFingerprints fingerprints, Ticker ticker, LoginStamps stamps) {
        this.delegate = delegate;
        this.stamps = stamps;
        this.fingerprints = fingerprints;
        this.logins = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(TTL)
                .ticker(ticker)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String fingerprint = fingerprints.of(authentication.getName(), password);
        Login known = logins.getIfPresent(fingerprint);
        if (known != null && !stamps.current(known.principal())) {
            logins.invalidate(fingerprint);
            known = null;
        }
        if (known != null) {
            Remembered result = new Remembered(known.principal(), known.authorities());
            result.setDetails(authentication.getDetails());
            return result;
        }
        // bcrypt runs outside the cache's own locking: a slow check must not hold up other users' entries.
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            logins.put(fingerprint, new Login(result.getPrincipal(), result.getAuthorities()));
        }
        return result;
    }

    /** A login answered from memory, without a password check: not a sign-in of its own ({@link SignInEvents}). */
    static final class Remembered extends UsernamePasswordAuthenticationToken {

        private static final long serialVersionUID = 1L;

        Remembered(Object principal, Collection<? extends GrantedAuthority> authorities) {
            super(principal, null, authorities);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
