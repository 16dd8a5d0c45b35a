package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.InMemoryTracker;
import cn.zhaoshang.tracker.Matrix;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every page × {anonymous, each role}: anonymous readers are sent to the login form, a role that may not see a page
 * gets the 403 page, forms without the CSRF token are refused, and none of it records anything. A path no page
 * answers is a 404 ({@code ErrorPagesIT}).
 */
@InMemoryTracker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAccessIT {

    record Page(HttpMethod method, String path, Set<Reader> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<Reader> READERS =
            Set.of(Reader.BUREAU, Reader.REVIEWER, Reader.LEADERSHIP, Reader.AUDITOR);
    private static final Set<Reader> EVERYONE =
            Set.of(Reader.BUREAU, Reader.REVIEWER, Reader.LEADERSHIP, Reader.AUDITOR, Reader.ADMIN);
    private static final Set<Reader> BUREAU = Set.of(Reader.BUREAU);
    private static final Set<Reader> RULE_SETTERS = Set.of(Reader.BUREAU, Reader.REVIEWER);
    private static final Set<Reader> AUDITOR = Set.of(Reader.AUDITOR);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String project = "p";
    static String zone = "z";
    static String submission = "s";

    /** A project, and an accepted submission: reviewing it again is refused, so the review forms record nothing. */
    @BeforeAll
    void aProjectToPointAt() throws Exception {
        Api api = new Api(mvc);
        zone = api.newZone("hengyang");
        project = api.newProject(zone);
        // the dashboard's data is read from the reports, which follow the commands
        CaughtUp.await(jdbc);
        submission = api.acceptedSubmission(zone, "{\"year\": 2023, \"month\": 6}", "{}");
    }

    static Stream<Arguments> pages() {
        String p = "/projects/" + project;
        List<Page> pages = List.of(
                new Page(HttpMethod.GET, "/", EVERYONE),
                new Page(HttpMethod.GET, "/dashboard", READERS),
                new Page(HttpMethod.GET, "/dashboard/data?zone=" + zone + "&year=2023", READERS),
                new Page(HttpMethod.GET, "/ledger", READERS),
                new Page(HttpMethod.GET, "/ledger/export.xlsx", READERS),
                new Page(HttpMethod.GET, "/dashboard/workbook.xlsx?zone=" + zone + "&year=2023", READERS),
                new Page(HttpMethod.GET, "/ledger/template.xlsx", BUREAU),
                new Page(HttpMethod.GET, "/ledger/import", BUREAU),
                new Page(HttpMethod.POST, "/ledger/import", BUREAU),
                new Page(HttpMethod.GET, p, READERS),
                new Page(HttpMethod.GET, p + "/timeline", READERS),
                new Page(HttpMethod.GET, "/projects/new", BUREAU),
                new Page(HttpMethod.POST, "/projects", BUREAU),
                new Page(HttpMethod.POST, p + "/landing", BUREAU),
                new Page(HttpMethod.POST, p + "/production", BUREAU),
                new Page(HttpMethod.POST, p + "/capital-arrivals", BUREAU),
                new Page(HttpMethod.POST, p + "/retraction", BUREAU),
                new Page(HttpMethod.POST, p + "/amendments", BUREAU),
                new Page(HttpMethod.POST, p + "/signing-correction", BUREAU),
                new Page(HttpMethod.POST, p + "/termination", BUREAU),
                new Page(HttpMethod.GET, "/zones", EVERYONE),
                new Page(HttpMethod.GET, "/zones/" + zone + "/warning-rules", READERS),
                new Page(HttpMethod.GET, "/zones/" + zone + "/warning-rules/summary", READERS),
                new Page(HttpMethod.POST, "/zones", Set.of(Reader.ADMIN)),
                new Page(HttpMethod.POST, "/zones/targets", Set.of(Reader.REVIEWER)),
                new Page(HttpMethod.POST, "/zones/" + zone + "/warning-rules", RULE_SETTERS),
                new Page(HttpMethod.GET, "/dashboard?zone=" + zone + "&year=2023&basis=accepted&month=6", READERS),
                new Page(HttpMethod.GET, "/submissions", READERS),
                new Page(HttpMethod.GET, "/zones/" + zone + "/submissions", READERS),
                new Page(HttpMethod.GET, "/zones/" + zone + "/submissions?year=2023&month=6", READERS),
                new Page(HttpMethod.POST, "/zones/" + zone + "/submissions", BUREAU),
                new Page(HttpMethod.GET, "/submissions/" + submission, READERS),
                new Page(HttpMethod.POST, "/submissions/" + submission + "/acceptance", Set.of(Reader.REVIEWER)),
                new Page(HttpMethod.POST, "/submissions/" + submission + "/return", Set.of(Reader.REVIEWER)),
                new Page(HttpMethod.GET, "/reviews", Set.of(Reader.REVIEWER)),
                new Page(HttpMethod.GET, "/admin/users", Set.of(Reader.ADMIN)),
                new Page(HttpMethod.GET, "/admin/users/bureau", Set.of(Reader.ADMIN)),
                new Page(HttpMethod.GET, "/audit/events", AUDITOR),
                new Page(HttpMethod.GET, "/audit/verification", AUDITOR),
                new Page(HttpMethod.GET, "/audit/then-and-now", AUDITOR),
                new Page(HttpMethod.GET, "/audit/events/1", AUDITOR),
                new Page(HttpMethod.POST, "/audit/verification", AUDITOR),
                new Page(HttpMethod.GET, "/audit/replays/latest", AUDITOR),
                new Page(HttpMethod.GET, "/audit/access", Set.of(Reader.AUDITOR, Reader.ADMIN)),
                new Page(HttpMethod.DELETE, p, Set.of()));
        return Matrix.everyPair(pages, List.of(Reader.values()));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pages")
    void every_page_decides_who_may_see_it(Page page, Reader reader) throws Exception {
        long eventsBefore = events();
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(page.method(), page.path()).with(csrf());
        MockHttpServletResponse response =
                mvc.perform(reader.sends(request)).andReturn().getResponse();

        if (reader == Reader.ANONYMOUS) {
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).endsWith("/login");
        } else if (page.allowed().contains(reader)) {
            assertThat(response.getStatus()).isNotIn(401, 403);
            assertThat(response.getStatus()).isLessThan(500);
        } else {
            assertThat(response.getStatus()).isEqualTo(403);
        }
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_records_nothing() throws Exception {
        long eventsBefore = events();
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/projects")
                        .with(user("clerk").roles("BUREAU"))
                        .param("zoneId", zone)
                        .param("name", "没有令牌的项目")
                        .param("investorName", "某公司")
                        .param("industry", "OTHER")
                        .param("signedOn", "2023-05-05")
                        .param("contractInvestmentYi", "1"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void the_api_s_basic_credentials_do_not_open_the_pages() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.get("/dashboard").with(httpBasic("leader", "leader-demo")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    private long events() {
        return Api.storedEvents(jdbc);
    }
}
