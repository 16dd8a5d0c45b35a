package cn.zhaoshang.tracker.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Limits failed logins per user name and per client address, for the API and the login form alike. A login over a
 * limit is refused at once, before its password is checked: {@link TooManyLogins} becomes a 429 with Retry-After,
 * and no thread waits.
 *
 * <p>Each name and each address has a {@link FailureAllowance}. A login takes a token from both before bcrypt runs,
 * so that a burst of parallel guesses cannot all slip through a bucket that is nearly empty. A wrong password keeps
 * its tokens; a right one gives back the two it took and nothing more, so a success never resets the count and a
 * guesser gains nothing from the rightful user's logins.
 *
 * <p>The rightful user keeps working while someone guesses its password, without a lock-out: credentials that once
 * succeeded in this process, and were used again within {@link #KNOWN_FOR}, pass without touching either bucket.
 * They are recognized by their fingerprint, which only the exact name and password match, so a guesser cannot
 * borrow it; and a page session does not log in again, so it is not affected at all. A user whose credentials are
 * not known yet (the first login after a restart, or after a long pause) shares its name's allowance with the
 * guesser: letting it through instead would mean checking passwords beyond the limit, which is what the limit is
 * there to prevent.
 */
final class LoginLimits implements AuthenticationProvider {

    static final FailureAllowance.Limit PER_NAME = new FailureAllowance.Limit(10, Duration.ofSeconds(30));
    static final FailureAllowance.Limit PER_ADDRESS = new FailureAllowance.Limit(20, Duration.ofSeconds(10));
    /** Forgotten after a working day unused; a client in use stays known until a restart. */
    static final Duration KNOWN_FOR = Duration.ofHours(8);
    /** Names, addresses and known credentials each; enough for every real user, bounded against invented ones. */
    static final int MAX_ENTRIES = 10_000;
    /** Longer names share the allowance of their beginning, so a guesser cannot fill memory with huge keys. */
    static final int NAME_LENGTH = 64;

    private final AuthenticationProvider delegate;
    private final CredentialFingerprints fingerprints;
    private final FailureAllowance byName;
    private final FailureAllowance byAddress;
    private final Cache<String, Boolean> knownGood;
    /** Checks in progress, by fingerprint; each entry leaves when its check ends, so there are never more than requests. */
    private final ConcurrentMap<String, CompletableFuture<Void>> checking = new ConcurrentHashMap<>();

    LoginLimits(AuthenticationProvider delegate, CredentialFingerprints fingerprints, Ticker ticker) {
        this.delegate = delegate;
        this.fingerprints = fingerprints;
        this.byName = new FailureAllowance(PER_NAME, MAX_ENTRIES, ticker);
        this.byAddress = new FailureAllowance(PER_ADDRESS, MAX_ENTRIES, ticker);
        this.knownGood = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterAccess(KNOWN_FOR)
                .ticker(ticker)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        if (!(login.getCredentials() instanceof String password)) {
            return limited(login, null);
        }
        String fingerprint = fingerprints.of(login.getName(), password);
        if (knownGood.getIfPresent(fingerprint) != null) {
            return delegate.authenticate(login);
        }
        // The same name and password may be in bcrypt for another request right now: a client's parallel first
        // requests after a restart. They share that check and its outcome instead of each spending a token, which
        // would refuse a right password only because it came many times at once.
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier = checking.putIfAbsent(fingerprint, mine);
        if (earlier != null) {
            outcomeOf(earlier);
            return delegate.authenticate(login);
        }
        try {
            Authentication result = limited(login, fingerprint);
            mine.complete(null);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(fingerprint, mine);
        }
    }

    private Authentication limited(Authentication login, String fingerprint) {
        String name = name(login);
        String address = address(login);
        ConsumptionProbe forName = byName.take(name);
        if (!forName.isConsumed()) {
            throw new TooManyLogins(forName.getNanosToWaitForRefill());
        }
        ConsumptionProbe forAddress = byAddress.take(address);
        if (!forAddress.isConsumed()) {
            byName.giveBack(name);
            throw new TooManyLogins(forAddress.getNanosToWaitForRefill());
        }
        try {
            Authentication result = delegate.authenticate(login);
            if (result != null && result.isAuthenticated() && fingerprint != null) {
                knownGood.put(fingerprint, Boolean.TRUE);
            }
            giveBack(name, address);
            return result;
        } catch (RuntimeException e) {
            // Only a wrong password (or an unknown name, which bcrypt's provider reports the same way) is a
            // failure; a broken user store is not the caller's guess.
            if (!(e instanceof BadCredentialsException)) {
                giveBack(name, address);
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /** Returns when the check succeeded, or throws what it threw. */
    private static void outcomeOf(CompletableFuture<Void> check) {
        try {
            check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private void giveBack(String name, String address) {
        byName.giveBack(name);
        byAddress.giveBack(address);
    }

    /** The user store ignores case, so the allowance must too, or "Bureau" and "BUREAU" would be extra guesses. */
    private static String name(Authentication login) {
        String name = login.getName().toLowerCase(Locale.ROOT);
        return name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name;
    }

    private static String address(Authentication login) {
        return login.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
    }

    /** A login refused unchecked because a limit is reached; it may be tried again after {@link #retryAfterSeconds()}. */
    static final class TooManyLogins extends AuthenticationException {

        private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

        private final long retryAfterSeconds;

        TooManyLogins(long nanosUntilAToken) {
            super("too many failed logins");
            this.retryAfterSeconds = Math.max(1, (nanosUntilAToken + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
