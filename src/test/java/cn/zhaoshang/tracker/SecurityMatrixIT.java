package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * Every endpoint of the contract × {anonymous, wrong password, each role}. Writes are sent with an empty body:
 * a role that may call the endpoint gets past security and is stopped by validation (400), so nothing is recorded.
 */
@InMemoryTracker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIT {

    enum Caller {
        ANONYMOUS(null, null),
        WRONG_PASSWORD("bureau", "not-the-password"),
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

    record Endpoint(HttpMethod method, String path, Set<Caller> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<Caller> READERS = Set.of(Caller.BUREAU, Caller.LEADERSHIP, Caller.AUDITOR);
    private static final Set<Caller> BUREAU_ONLY = Set.of(Caller.BUREAU);
    private static final Set<Caller> AUDIT = Set.of(Caller.AUDITOR);
    private static final Set<Caller> NOT_LEADERSHIP = Set.of(Caller.BUREAU, Caller.AUDITOR);

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
                new Endpoint(HttpMethod.GET, "/api/zones", READERS),
                new Endpoint(HttpMethod.POST, "/api/zones", BUREAU_ONLY),
                new Endpoint(HttpMethod.GET, "/api/zones/songmu", READERS),
                new Endpoint(HttpMethod.PUT, "/api/zones/songmu/targets/2023", BUREAU_ONLY),
                new Endpoint(HttpMethod.GET, "/api/zones/songmu/targets/2023", READERS),
                new Endpoint(HttpMethod.POST, "/api/projects", BUREAU_ONLY),
                new Endpoint(HttpMethod.GET, "/api/projects", READERS),
                new Endpoint(HttpMethod.GET, p, READERS),
                new Endpoint(HttpMethod.GET, p + "/history", READERS),
                new Endpoint(HttpMethod.POST, p + "/landing", BUREAU_ONLY),
                new Endpoint(HttpMethod.POST, p + "/production", BUREAU_ONLY),
                new Endpoint(HttpMethod.POST, p + "/capital-arrivals", BUREAU_ONLY),
                new Endpoint(HttpMethod.POST, p + "/capital-arrivals/a/retraction", BUREAU_ONLY),
                new Endpoint(HttpMethod.POST, p + "/amendments", BUREAU_ONLY),
                new Endpoint(HttpMethod.POST, p + "/signing-correction", BUREAU_ONLY),
                new Endpoint(HttpMethod.POST, p + "/termination", BUREAU_ONLY),
                new Endpoint(HttpMethod.GET, "/api/reports/zones/songmu/years/2023", READERS),
                new Endpoint(HttpMethod.GET, "/api/reports/cities/hengyang/years/2023", READERS),
                new Endpoint(HttpMethod.GET, "/api/zones/songmu/warning-rules", READERS),
                new Endpoint(HttpMethod.PUT, "/api/zones/songmu/warning-rules", BUREAU_ONLY),
                new Endpoint(HttpMethod.GET, "/api/reports/zones/songmu/warnings", READERS),
                new Endpoint(HttpMethod.GET, "/api/projects/import/template.xlsx", BUREAU_ONLY),
                new Endpoint(HttpMethod.POST, "/api/projects/import", BUREAU_ONLY),
                new Endpoint(HttpMethod.GET, "/api/projects/export.xlsx", READERS),
                new Endpoint(HttpMethod.GET, "/api/reports/zones/songmu/years/2023/workbook.xlsx", READERS),
                new Endpoint(HttpMethod.GET, "/api/audit/events", AUDIT),
                new Endpoint(HttpMethod.GET, "/api/audit/verification", AUDIT),
                new Endpoint(HttpMethod.GET, "/api/audit/export", AUDIT),
                new Endpoint(HttpMethod.POST, "/api/audit/replays", AUDIT),
                new Endpoint(HttpMethod.GET, "/api/anything-else", NOT_LEADERSHIP),
                new Endpoint(HttpMethod.DELETE, p, Set.of()),
                new Endpoint(HttpMethod.GET, "/v3/api-docs", READERS),
                new Endpoint(HttpMethod.GET, "/swagger-ui/index.html", READERS));
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void every_endpoint_decides_who_may_call_it(Endpoint endpoint, Caller caller) throws Exception {
        long eventsBefore = events();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(endpoint.method(), endpoint.path())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}");
        if (caller.user != null) {
            request.with(httpBasic(caller.user, caller.password));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        if (caller == Caller.ANONYMOUS || caller == Caller.WRONG_PASSWORD) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        } else if (endpoint.allowed().contains(caller)) {
            assertThat(response.getStatus()).isNotIn(401, 403);
            assertThat(response.getStatus()).isLessThan(500);
        } else {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
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
        if (caller.user != null) {
            metrics.with(httpBasic(caller.user, caller.password));
        }
        MockHttpServletResponse answer = mvc.perform(metrics).andReturn().getResponse();
        if (caller == Caller.AUDITOR) {
            // Spring Boot's tests leave the Prometheus registry out (404 past security); TwoInstancesIT reads the
            // real endpoint of the packaged jar.
            assertThat(answer.getStatus()).isIn(200, 404);
        } else {
            assertThat(answer.getStatus())
                    .isEqualTo(caller == Caller.ANONYMOUS || caller == Caller.WRONG_PASSWORD ? 401 : 403);
        }
    }

    @org.junit.jupiter.api.Test
    void repeated_wrong_passwords_are_answered_ever_more_slowly_until_the_right_one() throws Exception {
        MockHttpServletRequestBuilder wrong =
                MockMvcRequestBuilders.get("/api/zones").with(httpBasic("leader", "guess"));
        for (int attempt = 0; attempt < 6; attempt++) {
            assertThat(mvc.perform(wrong).andReturn().getResponse().getStatus()).isEqualTo(401);
        }
        long started = System.nanoTime();
        assertThat(mvc.perform(wrong).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(1000));

        MockHttpServletRequestBuilder right =
                MockMvcRequestBuilders.get("/api/zones").with(httpBasic("leader", "leader-demo"));
        assertThat(mvc.perform(right).andReturn().getResponse().getStatus()).isEqualTo(200);
        started = System.nanoTime();
        assertThat(mvc.perform(wrong).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(java.time.Duration.ofMillis(1000));
    }

    static Stream<Caller> callers() {
        return Stream.of(Caller.values());
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
    }
}
