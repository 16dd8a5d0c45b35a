package cn.zhaoshang.tracker.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Password guessing against the whole application: answered at once, first as a wrong password and then with 429,
 * while the rightful user keeps working. The context is shared with the other tests, so each test guesses a name of
 * its own from addresses of its own, and logs that name in rightly first: the tests after it then find its
 * credentials known and are not refused.
 */
@InMemoryTracker
class LoginGuessingIT {

    private static final String GUESSER = "10.0.0.9";
    private static final String OFFICE = "10.0.0.20";
    private static final int GUESSES = 250;
    private static final int GUESSERS = 25;
    /**
     * Generous for an answer that checks no password (a few milliseconds of work): the old pause alone took up to 5 s,
     * and the machine may be shared with other builds, whose load has stalled every thread here for 1.7 s.
     */
    private static final Duration FAST = Duration.ofSeconds(2);

    @Autowired
    MockMvc mvc;

    record Answer(int status, String retryAfter, Duration took, String body) {}

    @Test
    void a_burst_of_guesses_gets_its_allowance_of_401s_then_429s_at_once_while_the_rightful_client_keeps_working()
            throws Exception {
        warmUp();
        // The rightful client logged in before the guessing started: from the office, and from the guesser's own
        // address (one NAT for a whole building, say).
        assertThat(call(api("bureau", "bureau-demo", OFFICE)).status()).isEqualTo(200);
        assertThat(call(api("bureau", "bureau-demo", GUESSER)).status()).isEqualTo(200);

        AtomicBoolean guessing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        ExecutorService guessers = Executors.newFixedThreadPool(GUESSERS);
        List<Answer> guesses = new ArrayList<>();
        List<Answer> fromOffice;
        List<Answer> fromGuesser;
        long started = System.nanoTime();
        try {
            Future<List<Answer>> office = clients.submit(() -> pollWhile(guessing, OFFICE));
            Future<List<Answer>> sharedAddress = clients.submit(() -> pollWhile(guessing, GUESSER));
            List<Callable<Answer>> burst = new ArrayList<>();
            for (int guess = 0; guess < GUESSES; guess++) {
                MockHttpServletRequestBuilder wrong = api("bureau", "guess-" + guess, GUESSER);
                burst.add(() -> call(wrong));
            }
            for (Future<Answer> answer : guessers.invokeAll(burst)) {
                guesses.add(answer.get());
            }
            guessing.set(false);
            fromOffice = office.get();
            fromGuesser = sharedAddress.get();
        } finally {
            guessers.shutdownNow();
            clients.shutdownNow();
        }
        Duration burstTook = Duration.ofNanos(System.nanoTime() - started);

        List<Answer> checked =
                guesses.stream().filter(answer -> answer.status() == 401).toList();
        List<Answer> refused =
                guesses.stream().filter(answer -> answer.status() == 429).toList();
        List<Answer> rightful = new ArrayList<>(fromOffice);
        rightful.addAll(fromGuesser);
        System.out.printf(
                "Guessing bureau's password: %d guesses in %d ms from %s, %d answered 401 (slowest %d ms),"
                        + " %d answered 429 (Retry-After %s to %s s, slowest %d ms); the rightful client meanwhile: %d of %d"
                        + " requests answered 200 (%d from the office, %d from the guesser's address),"
                        + " slowest %d ms%n",
                guesses.size(),
                burstTook.toMillis(),
                GUESSER,
                checked.size(),
                slowest(checked).toMillis(),
                refused.size(),
                refused.stream().mapToLong(LoginGuessingIT::retryAfter).min().orElse(0),
                refused.stream().mapToLong(LoginGuessingIT::retryAfter).max().orElse(0),
                slowest(refused).toMillis(),
                rightful.stream().filter(answer -> answer.status() == 200).count(),
                rightful.size(),
                fromOffice.size(),
                fromGuesser.size(),
                slowest(rightful).toMillis());

        assertThat(guesses.stream().filter(answer -> answer.status() == 401)).hasSize(LoginLimits.PER_NAME.failures());
        assertThat(refused).hasSize(GUESSES - LoginLimits.PER_NAME.failures());
        assertThat(refused).allSatisfy(answer -> {
            assertThat(retryAfter(answer))
                    .isBetween(1L, LoginLimits.PER_NAME.oneMoreEvery().toSeconds());
            assertThat((String) JsonPath.read(answer.body(), "$.type")).isEqualTo("urn:problem:too-many-requests");
        });
        assertThat(JsonPath.<String>read(refused.get(0).body(), "$.title")).isEqualTo("请求过多 / Too Many Requests");
        // The guesses that reached bcrypt take what that many bcrypts at once take on the machine (seconds on two
        // busy cores): they are counted above, not timed. Every other answer waits for nothing.
        assertThat(slowest(refused)).isLessThan(FAST);

        assertThat(fromOffice).isNotEmpty();
        assertThat(fromGuesser).isNotEmpty();
        assertThat(rightful).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(slowest(rightful)).isLessThan(FAST);

        // The rightful client's successes during the burst gave the guesser nothing: the next guess, from anywhere,
        // is still refused.
        assertThat(call(api("bureau", "guess-after", "10.0.0.30")).status()).isEqualTo(429);
    }

    @Test
    void guessing_through_the_login_form_is_refused_with_429_and_the_form_says_how_long_to_wait() throws Exception {
        String formGuesser = "10.0.1.9";
        MvcResult loggedIn =
                mvc.perform(form("auditor", "auditor-demo", OFFICE)).andReturn();
        assertThat(loggedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession session = (MockHttpSession) loggedIn.getRequest().getSession(false);

        for (int guess = 0; guess < LoginLimits.PER_NAME.failures(); guess++) {
            MockHttpServletResponse wrong = mvc.perform(form("auditor", "guess-" + guess, formGuesser))
                    .andReturn()
                    .getResponse();
            assertThat(wrong.getRedirectedUrl()).isEqualTo("/login?error");
        }
        long started = System.nanoTime();
        MvcResult refused =
                mvc.perform(form("auditor", "guess-last", formGuesser)).andReturn();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);

        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        String wait = refused.getResponse().getHeader("Retry-After");
        assertThat(Long.parseLong(wait))
                .isBetween(1L, LoginLimits.PER_NAME.oneMoreEvery().toSeconds());
        assertThat(refused.getResponse().getForwardedUrl()).isEqualTo(HomePage.LOGIN_REFUSED);

        // MockMvc does not follow a forward: render the page it forwards to, with the refusal it carries.
        Object failure = refused.getRequest().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(refusedPage(failure, null)).contains("登录失败次数过多，请 " + wait + " 秒后再试。");
        assertThat(refusedPage(failure, new Cookie("tracker-lang", "en")))
                .contains("Too many failed logins; please try again in " + wait + " seconds.");
        assertThat(mvc.perform(MockMvcRequestBuilders.get(HomePage.LOGIN_REFUSED))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .as("nothing to show without a refusal")
                .isEqualTo("/login");

        // The session logged in before is not affected, nor are the auditor's known credentials on the API.
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/audit/events").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(call(api("auditor", "auditor-demo", formGuesser)).status()).isEqualTo(200);
    }

    /**
     * A running server has answered wrong passwords and refusals before: a name nobody uses is guessed past its limit
     * from an address of its own, so that the timings below are not those of code run for the first time.
     */
    private void warmUp() throws Exception {
        for (int guess = 0; guess <= LoginLimits.PER_NAME.failures(); guess++) {
            call(api("warm-up", "guess-" + guess, "10.0.9.9"));
        }
    }

    private List<Answer> pollWhile(AtomicBoolean guessing, String address) throws Exception {
        List<Answer> answers = new ArrayList<>();
        while (guessing.get() || answers.size() < 3) {
            answers.add(call(api("bureau", "bureau-demo", address)));
            Thread.sleep(20);
        }
        return answers;
    }

    private Answer call(MockHttpServletRequestBuilder request) throws Exception {
        long started = System.nanoTime();
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return new Answer(
                response.getStatus(),
                response.getHeader("Retry-After"),
                Duration.ofNanos(System.nanoTime() - started),
                response.getContentAsString());
    }

    private String refusedPage(Object failure, Cookie language) throws Exception {
        MockHttpServletRequestBuilder forwarded = MockMvcRequestBuilders.post(HomePage.LOGIN_REFUSED)
                .with(csrf())
                .requestAttr(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        if (language != null) {
            forwarded.cookie(language);
        }
        return mvc.perform(forwarded).andReturn().getResponse().getContentAsString();
    }

    private static long retryAfter(Answer answer) {
        return Long.parseLong(answer.retryAfter());
    }

    private static Duration slowest(List<Answer> answers) {
        return answers.stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static MockHttpServletRequestBuilder api(String user, String password, String address) {
        return from(address, MockMvcRequestBuilders.get("/api/zones").with(httpBasic(user, password)));
    }

    private static MockHttpServletRequestBuilder form(String user, String password, String address) {
        return from(
                address,
                MockMvcRequestBuilders.post("/login")
                        .param("username", user)
                        .param("password", password)
                        .with(csrf()));
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(remote -> {
            remote.setRemoteAddr(address);
            return remote;
        });
    }
}
