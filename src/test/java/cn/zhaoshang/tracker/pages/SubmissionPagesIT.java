package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.Html;
import cn.zhaoshang.tracker.InAFreshZone;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The pages of 报送与审核 (governance.md §3): the bureau previews a month and submits it, the reviewer finds it in the
 * inbox and accepts or returns it, the submitter cannot review its own, and the dashboard shows the accepted figures
 * and says so. Each form sends the API's command; a refusal is a message on the page in the reader's language.
 */
@InMemoryTracker
class SubmissionPagesIT extends InAFreshZone {

    /** A zone of Hengyang with a project signed on 2023-03-15 for 15亿元 and USD 1,000,000 received in May. */
    @BeforeEach
    void aZoneWithAProject() throws Exception {
        api.arrival(api.newProject(zone), "2023-05-10", "FOREIGN", "1000000").andExpect(status().isCreated());
        CaughtUp.await(jdbc);
    }

    @Test
    void the_bureau_previews_a_month_submits_it_and_finds_it_listed() throws Exception {
        String preview = page("clerk", "BUREAU", "/zones/" + zone + "/submissions?year=2023&month=6");
        assertThat(preview)
                .contains("预览：2023年6月（数据截至 2023-06-30）")
                .contains("id=\"submit-form\"")
                .contains("id=\"submissions-none\"");
        assertThat(row(preview, "preview-contractInvestmentCny"))
                .contains("合同投资额（亿元）")
                .contains(">15<");
        assertThat(row(preview, "preview-foreignCapitalArrivedUsd")).contains(">100<");

        MockHttpServletResponse sent = submit("year", "2023", "month", "6", "note", "上半年");
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(sent.getRedirectedUrl()).isEqualTo("/zones/" + zone + "/submissions");

        String listed = page("clerk", "BUREAU", "/zones/" + zone + "/submissions");
        String line = row(listed, "submission-" + latest());
        assertThat(line).contains("2023年6月").contains("待审核").contains("clerk 于").contains("无变化");
        assertThat(json("/api/submissions/" + latest())).contains("\"note\":\"上半年\"");
    }

    @Test
    void a_month_not_yet_past_its_due_day_says_when_it_is_due_and_a_late_one_how_late() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        owed(2023, 6, "MONTH_OVERDUE", today.minusDays(3));
        owed(2023, 7, "MONTH_DUE", today.plusDays(7));
        try {
            String page = page("clerk", "BUREAU", "/zones/" + zone + "/submissions");
            assertThat(item(page, "owed-2023-6")).contains("期限 " + today.minusDays(3) + "，已超过 3 天");
            assertThat(item(page, "owed-2023-7"))
                    .contains("期限 " + today.plusDays(7) + "<")
                    .doesNotContain("已超过");
            String english = page("clerk", "BUREAU", "/zones/" + zone + "/submissions?lang=en");
            assertThat(item(english, "owed-2023-7"))
                    .contains("due " + today.plusDays(7) + "<")
                    .doesNotContain("past");
        } finally {
            // rows without events behind them: a replay in another test of this context would find them extra
            jdbc.sql("DELETE FROM submission_warning WHERE zone_id = ?")
                    .param(zone)
                    .update();
        }
    }

    /** A month the zone owes, as the submission warnings' saga would have stored it. */
    private void owed(int year, int month, String kind, LocalDate dueOn) {
        jdbc.sql(
                        """
                INSERT INTO submission_warning (zone_id, warning_year, warning_month, kind, due_on, raised_on)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(zone, year, month, kind, dueOn, dueOn.minusDays(10))
                .update();
    }

    private static String item(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return html.substring(start, html.indexOf("</li>", start));
    }

    @Test
    void the_reviewer_finds_the_month_in_the_inbox_and_accepts_it_on_its_page() throws Exception {
        submit("year", "2023", "month", "6");
        String id = latest();

        String inbox = page("inspector", "REVIEWER", "/reviews?year=2023&month=6");
        assertThat(row(inbox, "waiting-" + id))
                .contains("测试开发区")
                .contains("衡阳市")
                .contains("clerk");
        assertThat(inbox).contains("id=\"nav-reviews\"");

        String before = page("inspector", "REVIEWER", "/submissions/" + id);
        assertThat(before)
                .contains("id=\"accept-form\"")
                .contains("id=\"return-form\"")
                .contains("待审核");

        MockHttpServletResponse accepted =
                post("inspector", "REVIEWER", "/submissions/" + id + "/acceptance", "opinion", "数据属实");
        assertThat(accepted.getStatus()).isEqualTo(302);
        assertThat(accepted.getRedirectedUrl()).isEqualTo("/submissions/" + id);
        String after = page("inspector", "REVIEWER", "/submissions/" + id);
        assertThat(after)
                .contains("id=\"status\">已接受")
                .contains("接受：inspector 于")
                .contains("数据属实")
                .doesNotContain("id=\"accept-form\"");
        assertThat(page("inspector", "REVIEWER", "/reviews?year=2023&month=6")).doesNotContain("waiting-" + id);
    }

    @Test
    void the_submitter_may_not_accept_its_own_submission_and_is_told_so_in_its_language() throws Exception {
        submit("year", "2023", "month", "6");
        String id = latest();
        long before = Api.storedEvents(jdbc);

        MockHttpServletResponse own = post("clerk", "REVIEWER", "/submissions/" + id + "/acceptance", "opinion", "");
        assertThat(own.getStatus()).isEqualTo(403);
        assertThat(own.getContentAsString())
                .contains("id=\"refused\"")
                .contains("报送人不能审核自己的报送")
                .doesNotContain("the submitter");
        MockHttpServletResponse english =
                post("clerk", "REVIEWER", "/submissions/" + id + "/acceptance?lang=en", "opinion", "");
        assertThat(english.getStatus()).isEqualTo(403);
        assertThat(english.getContentAsString())
                .contains("the submitter cannot review its own submission")
                .doesNotContain("报送人不能");
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    @Test
    void a_return_needs_an_opinion_and_then_the_zone_may_submit_the_month_again() throws Exception {
        submit("year", "2023", "month", "6");
        String id = latest();
        long before = Api.storedEvents(jdbc);

        MockHttpServletResponse blank = post("inspector", "REVIEWER", "/submissions/" + id + "/return", "opinion", " ");
        assertThat(blank.getStatus()).isEqualTo(400);
        assertThat(blank.getContentAsString()).contains("id=\"error-return-opinion\">退回须填写审核意见");
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);

        assertThat(post("inspector", "REVIEWER", "/submissions/" + id + "/return", "opinion", "6月到位外资待核实")
                        .getStatus())
                .isEqualTo(302);
        assertThat(page("clerk", "BUREAU", "/submissions/" + id))
                .contains("id=\"status\">已退回")
                .contains("6月到位外资待核实");
        assertThat(submit("year", "2023", "month", "6").getStatus()).isEqualTo(302);
    }

    @Test
    void the_rules_refusals_and_a_restatement_without_a_reason_are_messages_on_the_page() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        MockHttpServletResponse early =
                submit("year", String.valueOf(today.getYear()), "month", String.valueOf(today.getMonthValue()));
        assertThat(early.getStatus()).isEqualTo(409);
        assertThat(early.getContentAsString()).contains("尚未结束，不能报送");

        submit("year", "2023", "month", "6");
        MockHttpServletResponse twice = submit("year", "2023", "month", "6");
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(twice.getContentAsString()).contains("该月已报送，正在审核");

        post("inspector", "REVIEWER", "/submissions/" + latest() + "/acceptance", "opinion", "");
        MockHttpServletResponse noReason = submit("year", "2023", "month", "6");
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString()).contains("id=\"error-reason\">重新报送须说明原因");

        assertThat(submit("year", "2023", "month", "13").getStatus()).isEqualTo(400);
        assertThat(submit("year", "2023", "month", "6", "reason", "补录6月到位外资").getStatus())
                .isEqualTo(302);
        assertThat(json("/api/submissions/" + latest())).contains("\"restatementReason\":\"补录6月到位外资\"");
    }

    @Test
    void the_dashboard_shows_the_accepted_figures_and_says_which_it_shows() throws Exception {
        String dashboard = "/dashboard?zone=" + zone + "&year=2023&basis=accepted&month=6";
        assertThat(page("inspector", "LEADERSHIP", dashboard))
                .contains("尚无已接受的报送：2023年6月")
                .doesNotContain("id=\"tiles\"");
        assertThat(page("inspector", "LEADERSHIP", "/dashboard?zone=" + zone + "&year=2023"))
                .containsPattern("id=\"basis-line\">实时数据（截至 \\d{4}-\\d{2}-\\d{2}）")
                .contains("basis=accepted");

        submit("year", "2023", "month", "6");
        post("inspector", "REVIEWER", "/submissions/" + latest() + "/acceptance", "opinion", "");
        String accepted = page("inspector", "LEADERSHIP", dashboard);
        assertThat(accepted)
                .contains("已审核报送数据：2023年6月，inspector 于")
                .contains("（数据截至 2023-06-30）")
                .doesNotContain("id=\"basis-drift\"");
        assertThat(tile(accepted, "contract")).contains(">15<").contains("亿元");
        assertThat(tile(accepted, "foreign")).contains(">100<").contains("万美元");

        // a correction recorded since moves the live figures, not the accepted ones, and calls for a restatement
        String project = api.newProject(zone);
        CaughtUp.await(jdbc);
        String drifted = page("inspector", "LEADERSHIP", dashboard);
        assertThat(tile(drifted, "contract")).contains(">15<");
        assertThat(drifted).contains("id=\"basis-drift\"").contains("应重新报送");
        assertThat(page("inspector", "LEADERSHIP", dashboard + "&lang=en"))
                .contains("Accepted report: 2023-06, accepted by inspector at");
        assertThat(page("inspector", "REVIEWER", "/reviews?year=2023&month=6")).contains("id=\"drifted-");
        String submission = page("clerk", "BUREAU", "/submissions/" + latest());
        assertThat(submission).contains("id=\"restate-call\"").contains("id=\"restate-form\"");
        assertThat(row(submission, "drift-projectsSigned"))
                .contains(">1<")
                .contains(">2<")
                .containsPattern(">#\\d+<")
                .doesNotContain("href=\"/audit/events/");
        // a reader who may not open the audit log is told in words what was recorded
        assertThat(row(submission, "drift-projectsSigned")).contains("签约：日本触媒新材料项目");
        // the events behind a drift link to the audit pages for whoever may open them
        assertThat(row(page("auditor", "AUDITOR", "/submissions/" + latest()), "drift-projectsSigned"))
                .contains("href=\"/audit/events/");
        assertThat(project).isNotBlank();
    }

    @Test
    void a_bureau_or_reviewer_outside_the_zone_s_scope_finds_neither_the_zone_nor_its_submissions() throws Exception {
        submit("year", "2023", "month", "6");
        String id = latest();
        long before = Api.storedEvents(jdbc);
        String other = api.newZone("zhuzhou");

        // "bureau" reaches Songmu only, "reviewer" the city of Hengyang
        assertThat(statusOf("bureau", "BUREAU", MockMvcRequestBuilders.get("/zones/" + zone + "/submissions")))
                .isEqualTo(404);
        assertThat(statusOf("bureau", "BUREAU", MockMvcRequestBuilders.get("/submissions/" + id)))
                .isEqualTo(404);
        assertThat(statusOf(
                        "bureau",
                        "BUREAU",
                        MockMvcRequestBuilders.post("/zones/" + zone + "/submissions")
                                .param("year", "2023")
                                .param("month", "7")))
                .isIn(403, 404);
        assertThat(statusOf("reviewer", "REVIEWER", MockMvcRequestBuilders.get("/submissions/" + id)))
                .isEqualTo(200);
        assertThat(statusOf("reviewer", "REVIEWER", MockMvcRequestBuilders.get("/zones/" + other + "/submissions")))
                .isEqualTo(404);
        assertThat(statusOf("bureau", "BUREAU", MockMvcRequestBuilders.post("/submissions/" + id + "/acceptance")))
                .isEqualTo(403);
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before + 1);
    }

    /** Posts the month form of the test's zone as the province's bureau. */
    private MockHttpServletResponse submit(String... fields) throws Exception {
        return post("clerk", "BUREAU", "/zones/" + zone + "/submissions", fields);
    }

    private String latest() throws Exception {
        return JsonPath.read(json("/api/zones/" + zone + "/submissions"), "$[0].id");
    }

    private MockHttpServletResponse post(String user, String role, String path, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path);
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        MockHttpServletResponse response = mvc.perform(
                        request.with(user(user).roles(role)).with(csrf()))
                .andReturn()
                .getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private String page(String user, String role, String path) throws Exception {
        return Html.page(mvc, path, user(user).roles(role));
    }

    private int statusOf(String user, String role, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(user).roles(role)).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String json(String path) throws Exception {
        return api.get(path).andReturn().getResponse().getContentAsString();
    }

    /** The table row with this id, up to its end. */
    private static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String tile(String html, String key) {
        int start = html.indexOf("id=\"tile-" + key + "\"");
        assertThat(start).as(key).isNotNegative();
        return html.substring(start, html.indexOf("</article>", start));
    }
}
