package cn.zhaoshang.tracker.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.zhaoshang.tracker.signin.LoginLimits.TooManyLogins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class LoginLimitsTest {

    private static final String GUESSER = "10.0.0.9";
    private static final String OFFICE = "10.0.0.20";

    private final FakeTicker ticker = new FakeTicker();
    private final FakeBcrypt bcrypt = new FakeBcrypt();
    private final LoginLimits limits = limitsOver(bcrypt);

    @Test
    void ten_wrong_passwords_for_a_name_then_it_is_refused_at_once_without_checking_the_password() {
        guessTen("bureau", GUESSER);

        TooManyLogins refused = refused(login("bureau", "guess-11", GUESSER));

        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        assertThat(bcrypt.checks()).isEqualTo(10);
    }

    @Test
    void once_the_allowance_is_spent_a_name_gets_one_more_guess_every_thirty_seconds() {
        guessTen("bureau", GUESSER);

        ticker.advance(Duration.ofSeconds(29));
        assertThat(refused(login("bureau", "guess", GUESSER)).retryAfterSeconds())
                .isEqualTo(1);
        ticker.advance(Duration.ofSeconds(1));
        assertWrong(login("bureau", "guess", GUESSER));
        assertThat(refused(login("bureau", "guess", GUESSER)).retryAfterSeconds())
                .isEqualTo(30);
    }

    @Test
    void a_success_neither_resets_nor_refills_the_count() {
        for (int attempt = 0; attempt < 9; attempt++) {
            assertWrong(login("bureau", "guess-" + attempt, GUESSER));
        }
        assertThat(limits.authenticate(login("bureau", "bureau-demo", OFFICE)).isAuthenticated())
                .isTrue();

        assertWrong(login("bureau", "guess-10", GUESSER));
        refused(login("bureau", "guess-11", GUESSER));
    }

    @Test
    void names_that_differ_only_in_case_share_one_allowance() {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertWrong(login("bureau", "guess", GUESSER));
            assertWrong(login("BUREAU", "guess", GUESSER));
        }
        refused(login("Bureau", "guess", GUESSER));
    }

    @Test
    void credentials_that_succeeded_before_pass_while_their_name_and_address_are_refused() {
        limits.authenticate(login("bureau", "bureau-demo", OFFICE));
        for (int name = 0; name < 20; name++) {
            try {
                limits.authenticate(login(name < 10 ? "bureau" : "user" + name, "guess", GUESSER));
            } catch (BadCredentialsException expected) {
                // counted
            }
        }
        refused(login("bureau", "guess", OFFICE));
        refused(login("someone", "guess", GUESSER));

        for (String address : List.of(OFFICE, GUESSER)) {
            assertThat(limits.authenticate(login("bureau", "bureau-demo", address))
                            .isAuthenticated())
                    .as("the rightful bureau client from %s", address)
                    .isTrue();
        }
    }

    @Test
    void credentials_in_use_stay_known_and_are_forgotten_after_eight_hours_unused() {
        limits.authenticate(login("bureau", "bureau-demo", OFFICE));
        for (int hour = 0; hour < 24; hour++) {
            ticker.advance(Duration.ofHours(1));
            limits.authenticate(login("bureau", "bureau-demo", OFFICE));
        }
        guessTen("bureau", GUESSER);
        limits.authenticate(login("bureau", "bureau-demo", OFFICE));

        ticker.advance(LoginLimits.KNOWN_FOR);
        guessTen("bureau", GUESSER);
        refused(login("bureau", "bureau-demo", OFFICE));
    }

    @Test
    void an_address_gets_twenty_wrong_passwords_whatever_the_names_and_other_addresses_go_on() {
        for (int name = 0; name < 20; name++) {
            assertWrong(login("user" + name, "guess", GUESSER));
        }

        TooManyLogins refused = refused(login("user20", "guess", GUESSER));
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
        assertWrong(login("user20", "guess", OFFICE));
        assertThat(limits.authenticate(login("leader", "leader-demo", OFFICE)).isAuthenticated())
                .isTrue();
    }

    @Test
    void an_address_refusal_does_not_use_up_the_allowance_of_the_name() {
        for (int name = 0; name < 20; name++) {
            assertWrong(login("user" + name, "guess", GUESSER));
        }
        for (int attempt = 0; attempt < 30; attempt++) {
            refused(login("bureau", "guess", GUESSER));
        }

        guessTen("bureau", OFFICE);
    }

    @Test
    void a_failing_user_store_is_not_counted_as_guessing() {
        AuthenticationProvider broken = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                throw new InternalAuthenticationServiceException("user store down");
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        LoginLimits overBrokenStore = limitsOver(broken);
        for (int attempt = 0; attempt < 50; attempt++) {
            assertThatThrownBy(() -> overBrokenStore.authenticate(login("bureau", "bureau-demo", OFFICE)))
                    .isInstanceOf(InternalAuthenticationServiceException.class);
        }
    }

    @Test
    void parallel_guesses_get_no_more_password_checks_than_the_allowance() throws Exception {
        FakeBcrypt slow = new FakeBcrypt(Duration.ofMillis(50));
        LoginLimits overSlowBcrypt = limitsOver(slow);
        List<Callable<Boolean>> guesses = new ArrayList<>();
        for (int guess = 0; guess < 250; guess++) {
            String password = "guess-" + guess;
            guesses.add(() -> {
                try {
                    overSlowBcrypt.authenticate(login("bureau", password, GUESSER));
                    return false;
                } catch (TooManyLogins refused) {
                    return true;
                } catch (BadCredentialsException wrong) {
                    return false;
                }
            });
        }
        long refused = atOnce(guesses).stream().filter(Boolean::booleanValue).count();

        assertThat(slow.checks()).isEqualTo(10);
        assertThat(refused).isEqualTo(240);
    }

    @Test
    void the_same_right_password_many_times_at_once_is_one_check_and_spends_no_allowance() throws Exception {
        FakeBcrypt slow = new FakeBcrypt(Duration.ofMillis(200));
        LoginLimits overSlowBcrypt = limitsOver(slow);
        List<Callable<Boolean>> firstRequests = new ArrayList<>();
        for (int request = 0; request < 50; request++) {
            firstRequests.add(() -> overSlowBcrypt
                    .authenticate(login("bureau", "bureau-demo", OFFICE))
                    .isAuthenticated());
        }
        assertThat(atOnce(firstRequests)).hasSize(50).containsOnly(true);

        for (int attempt = 0; attempt < 10; attempt++) {
            String password = "guess-" + attempt;
            assertThatThrownBy(() -> overSlowBcrypt.authenticate(login("bureau", password, OFFICE)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> overSlowBcrypt.authenticate(login("bureau", "guess", OFFICE)))
                .isInstanceOf(TooManyLogins.class);
    }

    /** Runs the calls on fifty threads at once and returns their answers. */
    private static List<Boolean> atOnce(List<Callable<Boolean>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(50);
        try {
            List<Boolean> answers = new ArrayList<>();
            for (Future<Boolean> answer : threads.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private LoginLimits limitsOver(AuthenticationProvider delegate) {
        return new LoginLimits(delegate, new CredentialFingerprints(), ticker);
    }

    private void guessTen(String name, String address) {
        for (int attempt = 0; attempt < 10; attempt++) {
            assertWrong(login(name, "guess-" + attempt, address));
        }
    }

    private void assertWrong(Authentication login) {
        assertThatThrownBy(() -> limits.authenticate(login)).isInstanceOf(BadCredentialsException.class);
    }

    private TooManyLogins refused(Authentication login) {
        int checks = bcrypt.checks();
        TooManyLogins refused = catchThrowableOfType(TooManyLogins.class, () -> limits.authenticate(login));
        assertThat(refused).as("refused").isNotNull();
        assertThat(bcrypt.checks()).as("no password checked").isEqualTo(checks);
        return refused;
    }

    private static Authentication login(String name, String password, String address) {
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        login.setDetails(new WebAuthenticationDetails(address, null));
        return login;
    }
}
