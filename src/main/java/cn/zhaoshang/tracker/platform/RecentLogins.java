package cn.zhaoshang.tracker.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

/**
 * Remembers successful Basic logins for {@link #TTL}, so that a client sending the same credentials with every
 * request pays bcrypt (~70 ms of CPU) once a minute instead of once a request.
 *
 * <p>Only successes are remembered, under an HMAC of user name and password with a key that lives only in this
 * process: the cache holds no password, a wrong password never matches an entry (it is checked by bcrypt as
 * before, so failures are still counted and slowed down by {@link FailedLogins}), and an entry expires after
 * {@link #TTL}. Users come from the configuration and change only with a restart, which empties the cache.
 */
final class RecentLogins implements AuthenticationProvider {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 1_000;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Login> logins = new ConcurrentHashMap<>();

    private record Login(Object principal, Collection<? extends GrantedAuthority> authorities, Instant expires) {}

    RecentLogins(AuthenticationProvider delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String fingerprint = fingerprint(authentication.getName(), password);
        Instant now = clock.instant();
        Login known = logins.get(fingerprint);
        if (known != null && now.isBefore(known.expires())) {
            UsernamePasswordAuthenticationToken result =
                    UsernamePasswordAuthenticationToken.authenticated(known.principal(), null, known.authorities());
            result.setDetails(authentication.getDetails());
            return result;
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (logins.size() >= MAX_ENTRIES) {
                logins.values().removeIf(login -> !now.isBefore(login.expires()));
                if (logins.size() >= MAX_ENTRIES) {
                    logins.clear();
                }
            }
            logins.put(fingerprint, new Login(result.getPrincipal(), result.getAuthorities(), now.plus(TTL)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
