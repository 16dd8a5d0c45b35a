package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.Html;
import cn.zhaoshang.tracker.InAFreshZone;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The project page and the forms around it as issue 17 found them: no version number for people, a termination
 * that must be confirmed, amounts labelled in the units they are entered in, the investor's country chosen from a
 * list; and the API's documentation open to a reader logged in through the form.
 */
@InMemoryTracker
class ProjectPageIT extends InAFreshZone {

    String project;

    @BeforeEach
    void aProject() throws Exception {
        project = api.newProject(zone); // investor 日本触媒, JP
    }

    @Test
    void the_page_names_no_version_but_its_forms_and_the_api_still_carry_it() throws Exception {
        String page = page("/projects/" + project);

        assertThat(page).doesNotContain("版本");
        assertThat(page).contains("name=\"version\" value=\"0\"");
        assertThat(api.get("/api/projects/" + project).andReturn().getResponse().getHeader("ETag"))
                .isEqualTo("\"0\"");
    }

    @Test
    void a_termination_is_recorded_only_when_it_is_confirmed() throws Exception {
        long before = Api.storedEvents(jdbc);
        MockHttpServletResponse unconfirmed = terminate();
        unconfirmed.setCharacterEncoding("UTF-8");

        assertThat(unconfirmed.getStatus()).isEqualTo(200);
        assertThat(unconfirmed.getContentAsString()).contains("id=\"error-confirmed\">请勾选“确认终止”后再提交");
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
        assertThat(stage()).isEqualTo("SIGNED");

        MockHttpServletResponse confirmed = terminate("confirmed", "true");
        assertThat(confirmed.getStatus()).isEqualTo(302);
        assertThat(stage()).isEqualTo("TERMINATED");
    }

    @Test
    void a_project_in_production_offers_no_termination_the_rules_would_refuse() throws Exception {
        assertThat(page("/projects/" + project)).contains("id=\"termination-form\"");
        api.post("/api/projects/" + project + "/landing", "{\"landedOn\": \"2023-06-01\"}");
        assertThat(page("/projects/" + project)).contains("id=\"termination-form\"");
        api.post("/api/projects/" + project + "/production", "{\"startedOn\": \"2023-09-01\"}");
        assertThat(page("/projects/" + project)).doesNotContain("id=\"termination-form\"");
    }

    @Test
    void the_termination_form_asks_for_the_confirmation_without_a_script() throws Exception {
        String page = page("/projects/" + project);
        String form = page.substring(page.indexOf("id=\"termination-form\""));
        form = form.substring(0, form.indexOf("</form>"));

        assertThat(form)
                .contains("type=\"checkbox\"")
                .contains("name=\"confirmed\"")
                .contains("确认终止")
                .doesNotContain("onclick")
                .doesNotContain("onsubmit");
    }

    @Test
    void amounts_are_labelled_in_the_units_they_are_entered_and_shown_in() throws Exception {
        String page = page("/projects/" + project);

        assertThat(page).contains("内资（万元）").contains("外资（万美元）").doesNotContain("内资（元）");
        assertThat(page("/projects/" + project + "?lang=en")).contains("Domestic (×10k CNY)");
    }

    @Test
    void an_arrival_says_its_unit_once_in_the_table_and_in_the_retraction_s_choice() throws Exception {
        api.post(
                "/api/projects/" + project + "/capital-arrivals",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"DOMESTIC\", \"amount\": 100000000}");

        String page = page("/projects/" + project);
        String table = page.substring(
                page.indexOf("id=\"arrivals\""), page.indexOf("</table>", page.indexOf("id=\"arrivals\"")));
        assertThat(table).contains("<td>内资</td>", ">10,000万元<").doesNotContain("（万元）</td>");
        assertThat(page).contains(">2023-07-01 · 内资 · 10,000万元<");
        String english = page("/projects/" + project + "?lang=en");
        assertThat(english).contains("<td>Domestic</td>", ">2023-07-01 · Domestic · CNY 100 million<");
    }

    @Test
    void money_not_yet_received_reads_as_a_dash_as_on_the_ledger() throws Exception {
        assertThat(page("/projects/" + project))
                .contains("<th>到位外资</th><td>—</td>")
                .contains("<th>到位内资</th><td>—</td>");

        api.post(
                "/api/projects/" + project + "/capital-arrivals",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1000000}");
        assertThat(page("/projects/" + project))
                .contains("<th>到位外资</th><td>100万美元</td>")
                .contains("<th>到位内资</th><td>—</td>");
    }

    @Test
    void the_investor_s_country_is_chosen_from_a_list_and_shown_by_its_name() throws Exception {
        String form = page("/projects/new");
        assertThat(form)
                .contains("<select id=\"investorCountry\" name=\"investorCountry\">")
                .contains("<option value=\"DE\">德国 DE</option>")
                .contains("<option value=\"HK\">中国香港 HK</option>")
                .contains("<option value=\"TW\">中国台湾 TW</option>");
        assertThat(page("/projects/new?lang=en")).contains("<option value=\"DE\">Germany DE</option>");

        MockHttpServletResponse signed = mvc.perform(bureau(MockMvcRequestBuilders.post("/projects"))
                        .param("zoneId", zone)
                        .param("name", "德资精密装备项目")
                        .param("investorName", "某德国公司")
                        .param("investorCountry", "DE")
                        .param("industry", "ADVANCED_EQUIPMENT")
                        .param("signedOn", "2023-04-01")
                        .param("contractInvestmentYi", "3"))
                .andReturn()
                .getResponse();
        assertThat(signed.getStatus()).isEqualTo(302);
        String id = signed.getRedirectedUrl().substring("/projects/".length());

        assertThat(JsonPath.<String>read(
                        api.get("/api/projects/" + id).andReturn().getResponse().getContentAsString(),
                        "$.investor.country"))
                .isEqualTo("DE");
        assertThat(page("/projects/" + id)).contains("（德国）");
        assertThat(page("/projects/" + project)).contains("（日本）");
        assertThat(page("/projects/" + project + "?lang=en")).contains("(Japan)");
    }

    @Test
    void the_api_documentation_opens_with_the_session_of_the_login_form() throws Exception {
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user("leader").password("leader-demo"))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        assertThat(session).isNotNull();

        assertThat(status(MockMvcRequestBuilders.get("/v3/api-docs").session(session)))
                .isEqualTo(200);
        assertThat(status(MockMvcRequestBuilders.get("/swagger-ui/index.html").session(session)))
                .isEqualTo(200);
        // the session still does not open the API itself, which takes Basic credentials only
        assertThat(status(MockMvcRequestBuilders.get("/api/projects").session(session)))
                .isEqualTo(401);

        MockHttpServletResponse browser = mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/index.html")
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
                .andReturn()
                .getResponse();
        assertThat(browser.getStatus()).isEqualTo(302);
        assertThat(browser.getRedirectedUrl()).endsWith("/login");

        MockHttpServletResponse client = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn()
                .getResponse();
        assertThat(client.getStatus()).isEqualTo(401);
        assertThat(client.getHeader("WWW-Authenticate")).startsWith("Basic");
        assertThat(client.getCookies()).extracting(Cookie::getName).doesNotContain("JSESSIONID");
    }

    @Test
    void a_bureau_attaches_evidence_on_the_page_and_every_reader_downloads_it_there() throws Exception {
        byte[] receipt = ("%PDF-1.7 page receipt " + project).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(page("/projects/" + project))
                .contains("id=\"evidence-form\"")
                .contains("<option value=\"0\">#0 · 签约</option>");

        MockHttpServletResponse attached = mvc.perform(
                        bureau(MockMvcRequestBuilders.multipart("/projects/" + project + "/evidence")
                                .file(new org.springframework.mock.web.MockMultipartFile(
                                        "file", "回单.pdf", "application/pdf", receipt))
                                .param("attachedTo", "0")
                                .param("note", "银行回单")))
                .andReturn()
                .getResponse();
        assertThat(attached.getStatus()).isEqualTo(302);

        String page = page("/projects/" + project);
        String sha256 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(receipt));
        assertThat(page).contains("href=\"/projects/%s/evidence/%s\">回单.pdf</a>".formatted(project, sha256));
        MockHttpServletResponse download = mvc.perform(
                        MockMvcRequestBuilders.get("/projects/%s/evidence/%s".formatted(project, sha256))
                                .with(user("auditor").roles("AUDITOR")))
                .andReturn()
                .getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(receipt);
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        String auditors = mvc.perform(MockMvcRequestBuilders.get("/projects/" + project)
                        .with(user("auditor").roles("AUDITOR")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(auditors).contains("回单.pdf").doesNotContain("id=\"evidence-form\"");
    }

    @Test
    void a_file_that_is_not_evidence_comes_back_to_the_panel_with_the_reason() throws Exception {
        long before = Api.storedEvents(jdbc);
        org.springframework.test.web.servlet.MvcResult refused = mvc.perform(
                        bureau(MockMvcRequestBuilders.multipart("/projects/" + project + "/evidence")
                                .file(new org.springframework.mock.web.MockMultipartFile(
                                        "file", "notes.pdf", "application/pdf", "plain text".getBytes()))
                                .param("attachedTo", "0")))
                .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(302);
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/projects/" + project + "#evidence");
        assertThat(refused.getFlashMap().get("evidenceFailure").toString()).contains("PDF、PNG、JPEG 或 Office");
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    private MockHttpServletResponse terminate(String... more) throws Exception {
        MockHttpServletRequestBuilder request = bureau(
                        MockMvcRequestBuilders.post("/projects/" + project + "/termination"))
                .param("version", "0")
                .param("terminatedOn", "2023-05-01")
                .param("reason", "投资方撤资");
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String stage() throws Exception {
        return JsonPath.read(
                api.get("/api/projects/" + project).andReturn().getResponse().getContentAsString(), "$.stage");
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private String page(String path) throws Exception {
        return Html.page(mvc, path, user("clerk").roles("BUREAU"));
    }

    private static MockHttpServletRequestBuilder bureau(MockHttpServletRequestBuilder request) {
        return request.with(user("clerk").roles("BUREAU")).with(csrf());
    }
}
