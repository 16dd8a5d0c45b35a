package cn.zhaoshang.tracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.InMemoryTracker;
import cn.zhaoshang.tracker.Matrix;
import cn.zhaoshang.tracker.access.api.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint and page the application maps, as a user of each role and each scope level, against the rules of
 * governance.md §2. The endpoints are read from the application's own mappings: one without a rule here fails
 * {@link #every_mapping_has_a_rule()}, so a new endpoint cannot go out without someone deciding who may call it.
 *
 * <p>Each is called with an empty body: a caller that may call it gets past security and the scope and is stopped
 * by validation or answered, a caller that may not gets 403, and nothing is recorded either way. Then again with the
 * path naming a zone, city or project outside the scope of the zone- and city-scoped callers: 404.
 */
@InMemoryTracker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesIT {

    private static final Set<Role> ALL =
            EnumSet.of(Role.BUREAU, Role.REVIEWER, Role.LEADERSHIP, Role.AUDITOR, Role.ADMIN);
    private static final Set<Role> READERS = EnumSet.of(Role.BUREAU, Role.REVIEWER, Role.LEADERSHIP, Role.AUDITOR);
    private static final Set<Role> BUREAU = EnumSet.of(Role.BUREAU);
    private static final Set<Role> REVIEWER = EnumSet.of(Role.REVIEWER);
    private static final Set<Role> RULE_SETTERS = EnumSet.of(Role.BUREAU, Role.REVIEWER);
    private static final Set<Role> AUDITOR = EnumSet.of(Role.AUDITOR);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    /** Who read what: the auditors' business, and the administrator's for the sign-ins. */
    private static final Set<Role> AUDITOR_OR_ADMIN = EnumSet.of(Role.AUDITOR, Role.ADMIN);
    /** No login needed: the login form, the error page. */
    private static final Set<Role> PUBLIC = EnumSet.noneOf(Role.class);

    /** governance.md §2, endpoint by endpoint, as "METHOD pattern" of the mapping. */
    static final Map<String, Set<Role>> RULES = Map.ofEntries(
            Map.entry("GET /api/zones", ALL),
            Map.entry("POST /api/zones", ADMIN),
            Map.entry("GET /api/zones/{zoneId}", ALL),
            Map.entry("PUT /api/zones/{zoneId}/targets/{year}", REVIEWER),
            Map.entry("GET /api/zones/{zoneId}/targets/{year}", READERS),
            Map.entry("GET /api/zones/{zoneId}/warning-rules", READERS),
            Map.entry("PUT /api/zones/{zoneId}/warning-rules", RULE_SETTERS),
            Map.entry("POST /api/projects", BUREAU),
            Map.entry("GET /api/projects", READERS),
            Map.entry("GET /api/projects/{id}", READERS),
            Map.entry("GET /api/projects/{id}/history", READERS),
            Map.entry("POST /api/projects/{id}/landing", BUREAU),
            Map.entry("POST /api/projects/{id}/production", BUREAU),
            Map.entry("POST /api/projects/{id}/capital-arrivals", BUREAU),
            Map.entry("POST /api/projects/{id}/capital-arrivals/{arrivalId}/retraction", BUREAU),
            Map.entry("POST /api/projects/{id}/amendments", BUREAU),
            Map.entry("POST /api/projects/{id}/signing-correction", BUREAU),
            Map.entry("POST /api/projects/{id}/termination", BUREAU),
            Map.entry("POST /api/projects/{id}/evidence", BUREAU),
            Map.entry("GET /api/projects/{id}/evidence", READERS),
            Map.entry("GET /api/projects/{id}/evidence/{sha256}", READERS),
            Map.entry("GET /api/audit/evidence/{sha256}", AUDITOR),
            Map.entry("GET /api/projects/import/template.xlsx", BUREAU),
            Map.entry("POST /api/projects/import", BUREAU),
            Map.entry("GET /api/projects/export.xlsx", READERS),
            Map.entry("GET /api/reports/zones/{zoneId}/years/{year}", READERS),
            Map.entry("GET /api/reports/zones/{zoneId}/years/{year}/workbook.xlsx", READERS),
            Map.entry("GET /api/reports/zones/{zoneId}/years/{year}/monthly", READERS),
            Map.entry("GET /api/reports/zones/{zoneId}/years/{year}/industries", READERS),
            Map.entry("GET /api/reports/zones/{zoneId}/years/{year}/pipeline", READERS),
            Map.entry("GET /api/reports/zones/{zoneId}/years/{year}/top500", READERS),
            Map.entry("GET /api/reports/zones/{zoneId}/warnings", READERS),
            Map.entry("GET /api/reports/cities/{city}/years/{year}", READERS),
            Map.entry("GET /api/reports/provinces/{provinceId}/years/{year}", READERS),
            Map.entry("GET /api/audit/events", AUDITOR),
            Map.entry("GET /api/audit/verification", AUDITOR),
            Map.entry("GET /api/audit/export", AUDITOR),
            Map.entry("POST /api/audit/replays", AUDITOR),
            Map.entry("POST /api/users", ADMIN),
            Map.entry("GET /api/users", ADMIN),
            Map.entry("GET /api/users/{username}", ADMIN),
            Map.entry("PUT /api/users/{username}/access", ADMIN),
            // any caller gets past security; the controller lets only an ADMIN or the user itself through
            Map.entry("POST /api/users/{username}/password", ADMIN),
            Map.entry("POST /api/users/{username}/disable", ADMIN),
            Map.entry("POST /api/users/{username}/enable", ADMIN),
            Map.entry("GET /api/me", ALL),
            Map.entry("POST /api/zones/{zoneId}/submissions", BUREAU),
            Map.entry("GET /api/zones/{zoneId}/submissions", READERS),
            Map.entry("GET /api/submissions/{id}", READERS),
            Map.entry("GET /api/submissions/{id}/workbook.xlsx", READERS),
            Map.entry("GET /api/reports/cities/{city}/submissions", READERS),
            Map.entry("GET /api/submission-warnings", READERS),
            Map.entry("GET /api/audit/keys", AUDITOR),
            Map.entry("GET /api/audit/sample", AUDITOR),
            Map.entry("GET /api/audit/access", AUDITOR_OR_ADMIN),
            Map.entry("GET /api/audit/workbooks", AUDITOR_OR_ADMIN),
            Map.entry("POST /api/submissions/{id}/acceptance", REVIEWER),
            Map.entry("POST /api/submissions/{id}/return", REVIEWER),
            Map.entry("GET /login", PUBLIC),
            Map.entry("GET /login/refused", PUBLIC),
            Map.entry("GET /error", PUBLIC),
            Map.entry("GET /", ALL),
            Map.entry("GET /zones", ALL),
            Map.entry("POST /zones", ADMIN),
            Map.entry("POST /zones/targets", REVIEWER),
            Map.entry("GET /zones/{zoneId}/warning-rules", READERS),
            Map.entry("GET /zones/{zoneId}/warning-rules/summary", READERS),
            Map.entry("POST /zones/{zoneId}/warning-rules", RULE_SETTERS),
            Map.entry("GET /submissions", READERS),
            Map.entry("GET /zones/{zoneId}/submissions", READERS),
            Map.entry("POST /zones/{zoneId}/submissions", BUREAU),
            Map.entry("GET /submissions/{id}", READERS),
            Map.entry("POST /submissions/{id}/acceptance", REVIEWER),
            Map.entry("POST /submissions/{id}/return", REVIEWER),
            Map.entry("GET /reviews", REVIEWER),
            Map.entry("GET /dashboard", READERS),
            Map.entry("GET /dashboard/data", READERS),
            Map.entry("GET /dashboard/workbook.xlsx", READERS),
            Map.entry("GET /ledger", READERS),
            Map.entry("GET /ledger/export.xlsx", READERS),
            Map.entry("GET /ledger/template.xlsx", BUREAU),
            Map.entry("GET /ledger/import", BUREAU),
            Map.entry("POST /ledger/import", BUREAU),
            Map.entry("GET /projects/new", BUREAU),
            Map.entry("POST /projects", BUREAU),
            Map.entry("GET /projects/{id}", READERS),
            Map.entry("GET /projects/{id}/timeline", READERS),
            Map.entry("POST /projects/{id}/landing", BUREAU),
            Map.entry("POST /projects/{id}/production", BUREAU),
            Map.entry("POST /projects/{id}/capital-arrivals", BUREAU),
            Map.entry("POST /projects/{id}/retraction", BUREAU),
            Map.entry("POST /projects/{id}/amendments", BUREAU),
            Map.entry("POST /projects/{id}/signing-correction", BUREAU),
            Map.entry("POST /projects/{id}/termination", BUREAU),
            Map.entry("POST /projects/{id}/evidence", BUREAU),
            Map.entry("GET /projects/{id}/evidence/{sha256}", READERS),
            Map.entry("GET /audit/events", AUDITOR),
            Map.entry("GET /audit/events/{position}", AUDITOR),
            Map.entry("GET /audit/verification", AUDITOR),
            Map.entry("POST /audit/verification", AUDITOR),
            Map.entry("POST /audit/replays", AUDITOR),
            Map.entry("GET /audit/replays/latest", AUDITOR),
            Map.entry("GET /audit/replays/latest/panel", AUDITOR),
            Map.entry("GET /audit/then-and-now", AUDITOR),
            Map.entry("GET /audit/access", AUDITOR_OR_ADMIN),
            Map.entry("GET /audit/sample", AUDITOR),
            Map.entry("GET /admin/users", ADMIN),
            Map.entry("POST /admin/users", ADMIN),
            Map.entry("GET /admin/users/{username}", ADMIN),
            Map.entry("POST /admin/users/{username}/access", ADMIN),
            Map.entry("POST /admin/users/{username}/password", ADMIN),
            Map.entry("POST /admin/users/{username}/disable", ADMIN),
            Map.entry("POST /admin/users/{username}/enable", ADMIN),
            Map.entry("GET /v3/api-docs", ALL),
            Map.entry("GET /v3/api-docs.yaml", ALL),
            Map.entry("GET /v3/api-docs/swagger-config", ALL),
            Map.entry("GET /swagger-ui.html", ALL));

    /** The demo's users: each role, each scope level (bureau and leader a zone, reviewer a city, the others the province). */
    enum Caller {
        BUREAU("bureau", Role.BUREAU, true),
        REVIEWER("reviewer", Role.REVIEWER, true),
        LEADER("leader", Role.LEADERSHIP, true),
        AUDITOR("auditor", Role.AUDITOR, false),
        ADMIN("admin", Role.ADMIN, false);

        final String user;
        final Role role;
        /** Whether "faraway", a zone of another city of the province, is outside its scope. */
        final boolean narrow;

        Caller(String user, Role role, boolean narrow) {
            this.user = user;
            this.role = role;
            this.narrow = narrow;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String songmuProject;
    private String farawayProject;
    private String songmuSubmission;
    private String farawaySubmission;
    private String songmuEvidence;

    @BeforeAll
    void placesAndProjects() throws Exception {
        Api api = new Api(mvc);
        api.post("/api/zones", "{\"id\":\"songmu\",\"name\":\"衡阳松木经济开发区\",\"city\":\"hengyang\"}");
        api.post("/api/zones", "{\"id\":\"faraway\",\"name\":\"远方开发区\",\"city\":\"elsewhere\"}");
        songmuProject = api.newProject("songmu");
        farawayProject = api.newProject("faraway");
        for (String name : new String[] {"rules-on", "rules-off"}) {
            mvc.perform(MockMvcRequestBuilders.post("/api/users")
                    .with(httpBasic("admin", "admin-demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                            ("{\"username\": \"%s\", \"displayName\": \"规则测试\", \"password\": \"a-long-enough-secret\","
                                            + " \"roles\": [\"LEADERSHIP\"], \"scope\": {\"level\": \"ZONE\", \"id\": \"songmu\"}}")
                                    .formatted(name)));
        }
        mvc.perform(MockMvcRequestBuilders.post("/api/users/rules-off/disable").with(httpBasic("admin", "admin-demo")));
        // an accepted month: reviewing it again is refused (409) and records nothing
        songmuSubmission = submission(api, "songmu");
        mvc.perform(Api.as(
                Api.REVIEWER,
                MockMvcRequestBuilders.post("/api/submissions/" + songmuSubmission + "/acceptance")
                        .content("{}")));
        farawaySubmission = submission(api, "faraway");
        byte[] receipt = "%PDF-1.7 a receipt of songmu".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mvc.perform(MockMvcRequestBuilders.multipart("/api/projects/" + songmuProject + "/evidence")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "r.pdf", "application/pdf", receipt))
                .param("attachedTo", "0")
                .with(httpBasic(Api.BUREAU, Api.BUREAU + "-demo")));
        songmuEvidence = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(receipt));
    }

    private static String submission(Api api, String zone) throws Exception {
        String answer = api.post("/api/zones/" + zone + "/submissions", "{\"year\": 2023, \"month\": 1}")
                .andReturn()
                .getResponse()
                .getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(answer, "$.id");
    }

    /** Every method and path pattern the application maps, as the rules name them. */
    private Set<String> mapped() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<String> patterns = info.getPatternValues();
            for (String pattern : patterns) {
                if (methods.isEmpty()) {
                    mapped.add("GET " + pattern);
                }
                methods.forEach(method -> mapped.add(method + " " + pattern));
            }
        });
        return mapped;
    }

    @Test
    void every_mapping_has_a_rule() {
        assertThat(RULES.keySet())
                .as("governance.md §2 decides who may call each endpoint: add the new one to RULES")
                .containsAll(mapped());
    }

    /** A path variable the guard does not know would name something it never checks: a new kind of place. */
    @Test
    void every_path_variable_is_one_the_scope_guard_knows() {
        Set<String> variables = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues()
                .forEach(pattern -> java.util.regex.Pattern.compile("\\{([^}:]+)")
                        .matcher(pattern)
                        .results()
                        .forEach(variable -> variables.add(variable.group(1)))));
        assertThat(ScopeGuard.PATH_VARIABLES).containsAll(variables);
    }

    @Test
    void every_rule_names_a_mapping() {
        assertThat(mapped()).containsAll(RULES.keySet());
    }

    Stream<Arguments> endpointsAndCallers() {
        List<String> ruled = new TreeSet<>(RULES.keySet())
                .stream().filter(endpoint -> !RULES.get(endpoint).isEmpty()).toList();
        return Matrix.everyPair(ruled, List.of(Caller.values()));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndCallers")
    void inside_the_scope_the_role_decides(String endpoint, Caller caller) throws Exception {
        long before = Api.storedEvents(jdbc);

        MockHttpServletResponse answer = call(endpoint, caller, false);

        if (RULES.get(endpoint).contains(caller.role)) {
            assertThat(answer.getStatus()).as(answer.getContentAsString()).isNotIn(401, 403, 404);
            assertThat(answer.getStatus()).isLessThan(500);
        } else {
            assertThat(answer.getStatus()).isEqualTo(403);
        }
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndCallers")
    void outside_the_scope_a_place_or_project_does_not_exist(String endpoint, Caller caller) throws Exception {
        boolean namesAPlace = endpoint.contains("{zoneId}") || endpoint.contains("{city}") || endpoint.contains("{id}");
        if (!namesAPlace || !caller.narrow || !RULES.get(endpoint).contains(caller.role)) {
            return;
        }
        long before = Api.storedEvents(jdbc);

        MockHttpServletResponse answer = call(endpoint, caller, true);

        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(404);
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    private MockHttpServletResponse call(String endpoint, Caller caller, boolean outside) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{zoneId}", outside ? "faraway" : "songmu")
                .replace("{city}", outside ? "elsewhere" : "hengyang")
                .replace("{provinceId}", "hunan")
                .replace(
                        "{id}",
                        endpoint.contains("submissions/{id}")
                                ? (outside ? farawaySubmission : songmuSubmission)
                                : (outside ? farawayProject : songmuProject))
                .replace("{year}", "2023")
                .replace("{arrivalId}", "no-such-arrival")
                .replace("{position}", "1")
                .replace("{sha256}", songmuEvidence)
                // disabling the disabled and enabling the enabled record nothing
                .replace("{username}", endpoint.endsWith("/disable") ? "rules-off" : "rules-on");
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        if (path.startsWith("/api/")) {
            // no target at all is a valid target: the empty body would be recorded
            request.contentType(MediaType.APPLICATION_JSON)
                    .content(endpoint.contains("/targets/") ? "{\"projectCount\": -1}" : "{}");
            request.with(httpBasic(caller.user, caller.user.equals("leader") ? "leader-demo" : caller.user + "-demo"));
        } else {
            request.with(user(caller.user).roles(caller.role.name())).with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
