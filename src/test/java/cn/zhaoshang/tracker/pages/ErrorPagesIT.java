package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.InMemoryTracker;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The error pages name what went wrong: a mistyped address does not exist (404), a role kept out of a page is
 * told so (403), a form over 1 MB is too large (413). MockMvc does not forward to {@code /error} as a server does,
 * so the statuses are asserted on the request and the wording on {@code /error} asked with the status a server
 * would set.
 */
@InMemoryTracker
class ErrorPagesIT {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"BUREAU", "LEADERSHIP", "AUDITOR"})
    void a_mistyped_address_is_a_page_that_does_not_exist_for_every_role(String role) throws Exception {
        for (String path : new String[] {"/ledgr", "/projects/new/again", "/audit/nothing-here", "/zones/a/b/c"}) {
            MockHttpServletResponse answer = mvc.perform(as(role, MockMvcRequestBuilders.get(path)))
                    .andReturn()
                    .getResponse();
            assertThat(answer.getStatus()).as(path).isEqualTo(404);
        }
    }

    @Test
    void a_page_the_role_may_not_see_is_still_forbidden_and_a_stranger_still_logs_in_first() throws Exception {
        assertThat(status(as("LEADERSHIP", MockMvcRequestBuilders.get("/projects/new"))))
                .isEqualTo(403);
        assertThat(status(as("BUREAU", MockMvcRequestBuilders.get("/audit/events"))))
                .isEqualTo(403);
        assertThat(status(as("BUREAU", MockMvcRequestBuilders.delete("/ledger").with(csrf()))))
                .isEqualTo(403);

        MockHttpServletResponse stranger =
                mvc.perform(MockMvcRequestBuilders.get("/ledgr")).andReturn().getResponse();
        assertThat(stranger.getStatus()).isEqualTo(302);
        assertThat(stranger.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void the_404_page_says_the_page_does_not_exist_in_the_reader_s_language() throws Exception {
        assertThat(errorPage(404, "zh-CN")).contains("页面不存在").doesNotContain("无权");
        assertThat(errorPage(404, "en")).contains("There is no such page").doesNotContain("may not see");
        assertThat(errorPage(403, "zh-CN")).contains("当前角色无权查看此页面");
    }

    @Test
    void a_form_over_one_megabyte_is_a_413_page_and_records_nothing() throws Exception {
        long before = Api.storedEvents(jdbc);
        MockHttpServletResponse answer = mvc.perform(as("BUREAU", MockMvcRequestBuilders.post("/projects"))
                        .with(csrf())
                        .header("Accept", HTML)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("zoneId=songmu&investorName=x&industry=OTHER&signedOn=2023-05-05"
                                + "&contractInvestmentYi=1&name=" + "名".repeat(700 * 1024)))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(413);
        assertThat(answer.getContentType()).isNull();
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
        assertThat(errorPage(413, "zh-CN")).contains("提交的内容过大").doesNotContain("无权");
        assertThat(errorPage(413, "en")).contains("too large");
    }

    @Test
    void the_api_still_answers_a_large_body_with_a_problem() throws Exception {
        MockHttpServletResponse answer = mvc.perform(MockMvcRequestBuilders.post("/api/projects")
                        .with(httpBasic("bureau", "bureau-demo"))
                        .header("Accept", HTML)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + "a".repeat(1024 * 1024) + "\"}"))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(413);
        assertThat(answer.getContentType()).startsWith("application/problem+json");
    }

    /** {@code /error} as the server forwards to it after a {@code sendError(status)}. */
    private String errorPage(int status, String language) throws Exception {
        MockHttpServletResponse page = mvc.perform(as("BUREAU", MockMvcRequestBuilders.get("/error"))
                        .header("Accept", HTML)
                        .cookie(new Cookie("tracker-lang", language))
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere"))
                .andReturn()
                .getResponse();
        page.setCharacterEncoding("UTF-8");
        assertThat(page.getStatus()).isEqualTo(status);
        assertThat(page.getContentType()).startsWith("text/html");
        return page.getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder as(String role, MockHttpServletRequestBuilder request) {
        return request.with(user(role.toLowerCase()).roles(role));
    }
}
