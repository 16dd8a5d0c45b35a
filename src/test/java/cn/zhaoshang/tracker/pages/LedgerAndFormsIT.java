package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.Html;
import cn.zhaoshang.tracker.InAFreshZone;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The ledger's filters and the bureau's forms over HTTP: what is recorded, what is refused and what is said. */
@InMemoryTracker
class LedgerAndFormsIT extends InAFreshZone {

    @BeforeEach
    void aZoneWithTwoProjects() throws Exception {
        api.newProject(zone);
        api.post(
                "/api/projects",
                """
                {"zoneId": "%s", "name": "物流园项目", "investor": {"name": "湘南物流"},
                 "industry": "LOGISTICS", "signedOn": "2022-07-01", "contractInvestmentCny": 300000000}"""
                        .formatted(zone));
    }

    @Test
    void the_ledger_filters_by_top_500_industry_year_and_searches_names() throws Exception {
        assertThat(page("/ledger?zone=" + zone))
                .contains("日本触媒新材料项目")
                .contains("物流园项目")
                .contains("共 2 个项目");
        assertThat(page("/ledger?zone=" + zone + "&top500=true"))
                .contains("日本触媒新材料项目")
                .doesNotContain("物流园项目");
        assertThat(page("/ledger?zone=" + zone + "&industry=LOGISTICS"))
                .contains("物流园项目")
                .doesNotContain("日本触媒新材料项目");
        assertThat(page("/ledger?zone=" + zone + "&year=2022"))
                .contains("物流园项目")
                .contains("共 1 个项目");
        assertThat(page("/ledger?zone=" + zone + "&q=湘南")).contains("物流园项目").doesNotContain("日本触媒");
        assertThat(page("/ledger?zone=" + zone + "&stage=TERMINATED")).contains("没有符合条件的项目");
    }

    @Test
    void money_never_received_is_a_dash_in_the_ledger_as_in_its_export_not_a_zero() throws Exception {
        String received = api.newProject(zone);
        api.post(
                "/api/projects/" + received + "/capital-arrivals",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 14480000}");
        CaughtUp.await(jdbc);

        String row = ledgerRow(page("/ledger?zone=" + zone), received);

        assertThat(row).contains("data-label=\"到位外资（万美元）\" class=\"num\">1448<");
        assertThat(row).contains("data-label=\"到位内资（万元）\" class=\"num\">—<");
        assertThat(page("/ledger?zone=" + zone)).doesNotContain("class=\"num\">0<");
    }

    private static String ledgerRow(String ledger, String project) {
        String row = ledger.substring(ledger.indexOf("href=\"/projects/" + project + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }

    @Test
    void a_signing_through_the_form_is_recorded_with_the_amounts_converted_exactly() throws Exception {
        MockHttpServletResponse answer = mvc.perform(sign().param("name", "表单签约项目")
                        .param("contractInvestmentYi", "1.15")
                        .param("expectedAnnualTaxWan", "360.5"))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(302);
        String id = answer.getRedirectedUrl().substring("/projects/".length());
        String detail = api.get("/api/projects/" + id).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Object>read(detail, "$.contractInvestmentCny").toString())
                .isEqualTo("115000000");
        assertThat(page("/projects/" + id)).contains("表单签约项目").contains("1.15亿元");
    }

    @Test
    void a_form_with_mistakes_says_so_next_to_each_field_and_records_nothing() throws Exception {
        long before = events();
        String page = mvc.perform(bureau(MockMvcRequestBuilders.post("/projects"))
                        .param("zoneId", zone)
                        .param("name", "\u00a0")
                        .param("investorName", "表单投资方")
                        .param("industry", "NEW_ENERGY")
                        .param("signedOn", "2999-01-01")
                        .param("contractInvestmentYi", "-3"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"error-name\">必填")
                .contains("id=\"error-signedOn\">不能晚于今天")
                .contains("id=\"error-contractInvestmentYi\">必须大于0");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_refused_command_shows_the_rule_s_reason_in_the_reader_s_language() throws Exception {
        String id = api.newProject(zone);
        long before = events();

        String chinese = mvc.perform(bureau(MockMvcRequestBuilders.post("/projects/" + id + "/landing"))
                        .param("version", "0")
                        .param("date", "2020-01-01"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String english = mvc.perform(bureau(MockMvcRequestBuilders.post("/projects/" + id + "/landing"))
                        .param("version", "0")
                        .param("date", "2020-01-01")
                        .param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(chinese).contains("未能登记： 落地日期早于签约日期");
        assertThat(english).contains("Not recorded:").doesNotContain("落地日期早于签约日期");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_form_sent_from_an_outdated_page_is_refused_not_applied_blindly() throws Exception {
        String id = api.newProject(zone);
        api.post("/api/projects/" + id + "/landing", "{\"landedOn\": \"2023-06-01\"}");

        String page = mvc.perform(bureau(MockMvcRequestBuilders.post("/projects/" + id + "/capital-arrivals"))
                        .param("version", "0")
                        .param("arrivedOn", "2023-07-01")
                        .param("kind", "FOREIGN")
                        .param("amountWan", "100"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("项目版本已变化");
    }

    @Test
    void an_unknown_project_is_a_404_page() throws Exception {
        MockHttpServletResponse answer = mvc.perform(bureau(MockMvcRequestBuilders.get("/projects/no-such-project")))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(answer.getContentAsString()).contains("页面不存在");
    }

    @Test
    void the_dashboard_data_carries_the_tiles_in_the_reader_s_language() throws Exception {
        CaughtUp.await(jdbc);
        String json = page("/dashboard/data?zone=" + zone + "&year=2023&lang=en");

        assertThat(JsonPath.<String>read(json, "$.tiles[0].label")).isEqualTo("Projects signed");
        assertThat(JsonPath.<String>read(json, "$.tiles[2].value")).isEqualTo("CNY 1.5");
        assertThat(JsonPath.<String>read(json, "$.tiles[2].unit")).isEqualTo(" billion");
        String chinese = page("/dashboard/data?zone=" + zone + "&year=2023");
        assertThat(JsonPath.<String>read(chinese, "$.tiles[2].value")).isEqualTo("15");
        assertThat(JsonPath.<String>read(chinese, "$.tiles[2].unit")).isEqualTo("亿元");
    }

    @Test
    void the_ledger_goes_out_as_excel_with_its_filters_and_a_ledger_comes_in_checked_row_by_row() throws Exception {
        MockHttpServletResponse export = mvc.perform(
                        bureau(MockMvcRequestBuilders.get("/ledger/export.xlsx?zone=" + zone + "&industry=LOGISTICS")))
                .andReturn()
                .getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.getContentType()).contains("spreadsheetml");
        assertThat(export.getContentAsByteArray()).startsWith('P', 'K');

        byte[] sample = getClass()
                .getResourceAsStream("/ledger/sample-with-mistakes.xlsx")
                .readAllBytes();
        long before = events();
        String report = mvc.perform(MockMvcRequestBuilders.multipart("/ledger/import")
                        .file(new MockMultipartFile("file", "台账.xlsx", "application/octet-stream", sample))
                        .param("dryRun", "false")
                        .with(user("clerk").roles("BUREAU"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(report).contains("id=\"import-errors\"").contains("未登记任何项目");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void the_import_form_carries_its_csrf_token_in_the_body_not_in_the_url() throws Exception {
        String html = page("/ledger/import");
        String form = html.substring(html.indexOf("id=\"import-form\""));
        form = form.substring(0, form.indexOf("</form>"));

        assertThat(form).contains("action=\"/ledger/import\"").doesNotContain("?_csrf");
        assertThat(form).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
    }

    @Test
    void every_form_on_a_project_records_its_command_with_the_units_converted() throws Exception {
        String id = api.newProject(zone); // 2023-03-15, 15亿元, 世界500强, 新材料
        form(id, "/landing", "date", "2023-06-01");
        form(id, "/production", "date", "2023-09-01");
        form(id, "/capital-arrivals", "arrivedOn", "2023-10-01", "kind", "FOREIGN", "amountWan", "1448");
        String arrival = JsonPath.<List<String>>read(
                        api.get("/api/projects/" + id + "/history")
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.events[?(@.type == 'CapitalArrived')].payload.arrivalId")
                .get(0);
        form(id, "/retraction", "arrivalId", arrival, "reason", "重复登记");
        form(id, "/amendments", "amendedOn", "2023-11-01", "contractInvestmentYi", "16.5", "reason", "增资");
        form(id, "/signing-correction", "top500", "UNCHANGED", "industry", "NEW_ENERGY", "reason", "产业填错");

        String detail = api.get("/api/projects/" + id).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(detail, "$.stage")).isEqualTo("IN_PRODUCTION");
        assertThat(JsonPath.<Object>read(detail, "$.contractInvestmentCny").toString())
                .isEqualTo("1650000000");
        assertThat(JsonPath.<Object>read(detail, "$.foreignCapitalArrivedUsd").toString())
                .isEqualTo("0");
        assertThat(JsonPath.<String>read(detail, "$.industry")).isEqualTo("NEW_ENERGY");
        assertThat(JsonPath.<String>read(detail, "$.investor.top500")).isEqualTo("GLOBAL");

        form(id, "/signing-correction", "top500", "NONE", "reason", "并非500强");
        String corrected =
                api.get("/api/projects/" + id).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Object>read(corrected, "$.investor.top500")).isNull();

        String other = api.newProject(zone);
        form(other, "/termination", "terminatedOn", "2023-04-01", "reason", "投资方撤资", "confirmed", "true");
        assertThat(JsonPath.<String>read(
                        api.get("/api/projects/" + other)
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.stage"))
                .isEqualTo("TERMINATED");
    }

    /** Posts a project's form as the page does and expects the redirect back to the project. */
    private void form(String id, String path, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = bureau(MockMvcRequestBuilders.post("/projects/" + id + path));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
        assertThat(answer.getStatus())
                .as(path + " " + answer.getContentAsString())
                .isEqualTo(302);
    }

    private MockHttpServletRequestBuilder sign() {
        return bureau(MockMvcRequestBuilders.post("/projects"))
                .param("zoneId", zone)
                .param("investorName", "表单投资方")
                .param("industry", "NEW_ENERGY")
                .param("signedOn", "2023-04-01");
    }

    private MockHttpServletRequestBuilder bureau(MockHttpServletRequestBuilder request) {
        return request.with(user("clerk").roles("BUREAU")).with(csrf());
    }

    private String page(String path) throws Exception {
        return Html.page(mvc, path, user("clerk").roles("BUREAU"));
    }

    private long events() {
        return Api.storedEvents(jdbc);
    }
}
