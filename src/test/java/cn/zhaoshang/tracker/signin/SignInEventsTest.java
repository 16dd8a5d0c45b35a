package cn.zhaoshang.tracker.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;

class SignInEventsTest {

    private final List<String> published = new ArrayList<>();
    private final SignInEvents events = new SignInEvents(new AuthenticationEventPublisher() {
        @Override
        public void publishAuthenticationSuccess(Authentication authentication) {
            published.add("success " + authentication.getName());
        }

        @Override
        public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
            published.add("failure " + authentication.getName());
        }
    });

    @Test
    void a_checked_password_is_a_sign_in() {
        events.publishAuthenticationSuccess(UsernamePasswordAuthenticationToken.authenticated(
                "auditor", null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
        assertThat(published).containsExactly("success auditor");
    }

    @Test
    void a_basic_request_answered_from_memory_is_not() {
        events.publishAuthenticationSuccess(remembered());
        assertThat(published).isEmpty();
    }

    @Test
    void the_login_form_is_a_sign_in_even_when_answered_from_memory() {
        RecentLogins.Remembered login = remembered();
        login.setDetails(new FormLoginDetails(new MockHttpServletRequest()));
        events.publishAuthenticationSuccess(login);
        assertThat(published).containsExactly("success auditor");
    }

    @Test
    void every_failure_is_published() {
        events.publishAuthenticationFailure(
                new BadCredentialsException("wrong"),
                UsernamePasswordAuthenticationToken.unauthenticated("someone", "guess"));
        assertThat(published).containsExactly("failure someone");
    }

    private static RecentLogins.Remembered remembered() {
        return new RecentLogins.Remembered("auditor", AuthorityUtils.createAuthorityList("ROLE_AUDITOR"));
    }
}
