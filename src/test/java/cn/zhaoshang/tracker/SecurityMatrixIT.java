package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every endpoint of the contract without credentials and with a wrong password: 401 (or 429), nothing recorded. Who
 * may call what with the right password is {@code access.AccessRulesIT}'s, which walks the application's mappings.
 *
 * <p>The wrong passwords are more than a name's allowance of failures, so after the first ten they are refused with
 * 429. They are leader's and come from an address of their own: the context is shared with the other tests, and the
 * guessing tests count on bureau's allowance and on that of the address every other test calls from.
 */
@InMemoryTracker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIT {

    enum Caller {
        ANONYMOUS(null, null),
        WRONG_PASSWORD("leader", "not-the-password"),
        BUREAU("bureau", "bureau-demo"),
        LEADERSHIP("leader", "leader-demo"),
        AUDITOR("auditor", "auditor-demo");

        final String user;
        final String password;

        Caller(String user, String password) {
            this.user = user;
            this.password = password;
        }
    }

    record Endpoint(HttpMethod method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String WRONG_PASSWORD_ADDRESS = "10.0.2.1";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String project = "p";

    @BeforeAll
    void aProjectToPointAt() throws Exception {
        Api api = new Api(mvc);
        project = api.newProject(api.newZone("hengyang"));
    }

    static Stream<Arguments> matrix() {
        String p = "/api/projects/" + project;
        List<Endpoint> endpoints = List.of(
                new Endpoint(HttpMethod.GET, "/api/zones"),
                new Endpoint(HttpMethod.POST, "/api/zones"),
                new Endpoint(HttpMethod.GET, "/api/zones/songmu"),
                new Endpoint(HttpMethod.PUT, "/api/zones/songmu/targets/2023"),
                new Endpoint(HttpMethod.GET, "/api/zones/songmu/targets/2023"),
                new Endpoint(HttpMethod.POST, "/api/projects"),
                new Endpoint(HttpMethod.GET, "/api/projects"),
                new Endpoint(HttpMethod.GET, p),
                new Endpoint(HttpMethod.GET, p + "/history"),
                new Endpoint(HttpMethod.POST, p + "/landing"),
                new Endpoint(HttpMethod.POST, p + "/production"),
                new Endpoint(HttpMethod.POST, p + "/capital-arrivals"),
                new Endpoint(HttpMethod.POST, p + "/capital-arrivals/a/retraction"),
                new Endpoint(HttpMethod.POST, p + "/amendments"),
                new Endpoint(HttpMethod.POST, p + "/signing-correction"),
                new Endpoint(HttpMethod.POST, p + "/termination"),
                new Endpoint(HttpMethod.GET, "/api/reports/zones/songmu/years/2023"),
                new Endpoint(HttpMethod.GET, "/api/reports/cities/hengyang/years/2023"),
                new Endpoint(HttpMethod.GET, "/api/reports/provinces/hunan/years/2023"),
                new Endpoint(HttpMethod.GET, "/api/zones/songmu/warning-rules"),
                new Endpoint(HttpMethod.PUT, "/api/zones/songmu/warning-rules"),
                new Endpoint(HttpMethod.GET, "/api/reports/zones/songmu/warnings"),
                new Endpoint(HttpMethod.GET, "/api/projects/import/template.xlsx"),
                new Endpoint(HttpMethod.POST, "/api/projects/import"),
                new Endpoint(HttpMethod.GET, "/api/projects/export.xlsx"),
                new Endpoint(HttpMethod.GET, "/api/reports/zones/songmu/years/2023/workbook.xlsx"),
                new Endpoint(HttpMethod.GET, "/api/audit/events"),
                new Endpoint(HttpMethod.GET, "/api/audit/verification"),
                new Endpoint(HttpMethod.GET, "/api/audit/export"),
                new Endpoint(HttpMethod.POST, "/api/audit/replays"),
                new Endpoint(HttpMethod.GET, "/api/anything-else"),
                new Endpoint(HttpMethod.DELETE, p),
                new Endpoint(HttpMethod.GET, "/v3/api-docs"),
                new Endpoint(HttpMethod.GET, "/swagger-ui/index.html"));
        return Matrix.everyPair(endpoints, List.of(Caller.ANONYMOUS, Caller.WRONG_PASSWORD));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void every_endpoint_decides_who_may_call_it(Endpoint endpoint, Caller caller) throws Exception {
        long eventsBefore = events();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(endpoint.method(), endpoint.path())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}");
        MockHttpServletResponse response =
                mvc.perform(as(caller, request)).andReturn().getResponse();

        if (caller == Caller.ANONYMOUS) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        } else {
            assertRefused(response);
        }
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "health as {0}")
    @MethodSource("callers")
    void health_is_open_to_everyone_and_nothing_else_of_actuator(Caller caller) throws Exception {
        MockHttpServletRequestBuilder health = MockMvcRequestBuilders.get("/actuator/health");
        MockHttpServletRequestBuilder env = MockMvcRequestBuilders.get("/actuator/env");
        if (caller.user != null && caller != Caller.WRONG_PASSWORD) {
            health.with(httpBasic(caller.user, caller.password));
            env.with(httpBasic(caller.user, caller.password));
        }
        assertThat(mvc.perform(health).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(env).andReturn().getResponse().getStatus()).isIn(401, 403, 404);
    }

    @ParameterizedTest(name = "prometheus as {0}")
    @MethodSource("callers")
    void prometheus_metrics_are_for_the_auditor_and_the_monitoring_account_only(Caller caller) throws Exception {
        MockHttpServletRequestBuilder metrics = MockMvcRequestBuilders.get("/actuator/prometheus");
        MockHttpServletResponse answer =
                mvc.perform(as(caller, metrics)).andReturn().getResponse();
        if (caller == Caller.WRONG_PASSWORD) {
            assertRefused(answer);
        } else if (caller == Caller.AUDITOR) {
            // Spring Boot's tests leave the Prometheus registry out (404 past security); TwoInstancesIT reads the
            // real endpoint of the packaged jar.
            assertThat(answer.getStatus()).isIn(200, 404);
        } else {
            assertThat(answer.getStatus()).isEqualTo(caller == Caller.ANONYMOUS ? 401 : 403);
        }
    }

    private static MockHttpServletRequestBuilder as(Caller caller, MockHttpServletRequestBuilder request) {
        if (caller == Caller.WRONG_PASSWORD) {
            request.with(remote -> {
                remote.setRemoteAddr(WRONG_PASSWORD_ADDRESS);
                return remote;
            });
        }
        return caller.user == null ? request : request.with(httpBasic(caller.user, caller.password));
    }

    /** A wrong password is refused like no password (401), or with 429 once its name's failures reached the limit. */
    private static void assertRefused(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isIn(401, 429);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (response.getStatus() == 401) {
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
        } else {
            assertThat(response.getHeader("Retry-After")).matches("[1-9][0-9]*");
        }
    }

    static Stream<Caller> callers() {
        return Stream.of(Caller.values());
    }

    private long events() {
        return Api.storedEvents(jdbc);
    }
}
