package cn.zhaoshang.tracker.signin;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Publishes a successful sign-in only when it is one: a password checked by bcrypt, or the login form. A Basic
 * client's requests within a minute of its last check are answered by {@link RecentLogins} and are not sign-ins, or
 * the access log would hold a row per API call. Failures are all published (those the login limits refuse unchecked
 * are not failures Spring publishes at all).
 */
final class SignInEvents implements AuthenticationEventPublisher {

    private final AuthenticationEventPublisher events;

    SignInEvents(AuthenticationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        if (!(authentication instanceof RecentLogins.Remembered)
                || authentication.getDetails() instanceof FormLoginDetails) {
            events.publishAuthenticationSuccess(authentication);
        }
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        events.publishAuthenticationFailure(exception, authentication);
    }
}
