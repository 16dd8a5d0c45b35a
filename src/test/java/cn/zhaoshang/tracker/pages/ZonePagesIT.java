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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The zones page: the bureau registers a zone, sets and revises a year's targets in 亿元 / 万美元 / 个 and sets the
 * warning rules, each through the API's command; leadership and auditors read the same page without the forms.
 */
@InMemoryTracker
class ZonePagesIT extends InAFreshZone {

    @Test
    void the_admin_registers_a_zone_through_the_form() throws Exception {
        String id = "z" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpServletResponse answer = mvc.perform(as("ADMIN", MockMvcRequestBuilders.post("/zones"))
                        .param("id", id)
                        .param("name", "衡南工业集中区")
                        .param("city", "hengyang"))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(answer.getRedirectedUrl()).isEqualTo("/zones#zone-" + id);
        assertThat(json("/api/zones/" + id)).contains("衡南工业集中区").contains("hengyang");
        assertThat(page("ADMIN", "/zones")).contains("id=\"zone-" + id + "\"").contains("衡南工业集中区");
    }

    @Test
    void the_form_takes_an_optional_province_and_keeps_a_city_in_one_province() throws Exception {
        String city = "c" + UUID.randomUUID().toString().substring(0, 8);
        post("/zones", "id", city + "-1", "name", "南沙经济技术开发区", "city", city, "province", "guangdong");

        Api inGuangdong = api.inProvince("guangdong");
        assertThat(inGuangdong
                        .get("/api/zones/" + city + "-1")
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"province\":\"guangdong\"");
        assertThat(page("ADMIN", "/zones"))
                .contains("<span>省份</span>")
                .contains("id=\"province\"")
                .contains("不填即 hunan");
        MockHttpServletResponse guangdong = mvc.perform(MockMvcRequestBuilders.get("/zones")
                        .with(user("all-guangdong").roles("LEADERSHIP")))
                .andReturn()
                .getResponse();
        guangdong.setCharacterEncoding("UTF-8");
        String zones = guangdong.getContentAsString();
        String meta = zones.substring(zones.indexOf("id=\"zone-" + city + "-1\""));
        assertThat(meta.substring(0, meta.indexOf("</p>"))).contains("guangdong");

        long before = Api.storedEvents(jdbc);
        assertThat(form("ADMIN", "/zones", "id", city + "-2", "name", "第二个", "city", city, "province", ""))
                .contains("城市 " + city + " 属于省份 guangdong，不能登记在省份 hunan 下");
        assertThat(form(
                        "ADMIN",
                        "/zones?lang=en",
                        "id",
                        city + "-2",
                        "name",
                        "第二个",
                        "city",
                        city,
                        "province",
                        "Hu Nan"))
                .contains("<span>Province</span>")
                .contains("id=\"error-province\">Lower-case letters, digits and hyphens only");
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    @Test
    void targets_are_entered_in_yi_and_wan_and_recorded_exactly_in_yuan_and_dollars() throws Exception {
        post(
                "/zones/targets",
                "zoneId",
                zone,
                "year",
                "2025",
                "contractInvestmentYi",
                "100.5",
                "foreignCapitalWanUsd",
                "700",
                "projectCount",
                "20");

        String target = json("/api/zones/" + zone + "/targets/2025");
        assertThat(JsonPath.<Object>read(target, "$.contractInvestmentCny").toString())
                .isEqualTo("10050000000");
        assertThat(JsonPath.<Object>read(target, "$.foreignCapitalUsd").toString())
                .isEqualTo("7000000");
        assertThat(JsonPath.<Integer>read(target, "$.projectCount")).isEqualTo(20);

        String zonesPage = page("REVIEWER", "/zones");
        String table = zonesPage.substring(zonesPage.indexOf("id=\"targets-" + zone + "\""));
        assertThat(table.substring(0, table.indexOf("</table>")))
                .contains("2025")
                .contains("100.5")
                .contains("700")
                .contains("20");

        // the revision form comes filled with what is set, in the same units
        String revise = page("REVIEWER", "/zones?zone=" + zone + "&year=2025");
        assertThat(revise).contains("value=\"100.5\"").contains("value=\"700\"").contains("value=\"20\"");

        post("/zones/targets", "zoneId", zone, "year", "2025", "contractInvestmentYi", "110", "projectCount", "22");
        String revised = json("/api/zones/" + zone + "/targets/2025");
        assertThat(JsonPath.<Object>read(revised, "$.contractInvestmentCny").toString())
                .isEqualTo("11000000000");
        assertThat(JsonPath.<Object>read(revised, "$.foreignCapitalUsd")).isNull();
    }

    @Test
    void a_form_with_mistakes_says_so_next_to_each_field_and_records_nothing() throws Exception {
        long before = Api.storedEvents(jdbc);
        String targets = form(
                "REVIEWER",
                "/zones/targets",
                "zoneId",
                zone,
                "year",
                "1800",
                "contractInvestmentYi",
                "-1",
                "foreignCapitalWanUsd",
                "很多");
        assertThat(targets)
                .contains("id=\"error-year\">年份须在1990-2100之间")
                .contains("id=\"error-contractInvestmentYi\">必须大于0")
                .contains("id=\"error-foreignCapitalWanUsd\">");

        String registration = form("ADMIN", "/zones", "id", "Bad Id", "name", " ", "city", "hengyang");
        assertThat(registration).contains("id=\"error-id\">只能包含小写字母、数字和连字符").contains("id=\"error-name\">必填");
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    @Test
    void a_refused_command_comes_back_with_the_rule_s_reason_in_the_reader_s_language() throws Exception {
        long before = Api.storedEvents(jdbc);
        assertThat(form("ADMIN", "/zones", "id", zone, "name", "重复的开发区", "city", "hengyang"))
                .contains("未能登记： 开发区 " + zone + " 已存在")
                .doesNotContain("already exists");
        assertThat(form("ADMIN", "/zones?lang=en", "id", zone, "name", "重复的开发区", "city", "hengyang"))
                .contains("already exists")
                .doesNotContain("已存在");
        // a zone outside the reviewer's scope, registered or not, is not its to set
        MockHttpServletResponse outside =
                send("REVIEWER", "/zones/targets", "zoneId", "no-such-zone", "year", "2025", "projectCount", "3");
        outside.setCharacterEncoding("UTF-8");
        assertThat(outside.getStatus()).isEqualTo(403);
        assertThat(outside.getContentAsString()).contains("开发区 no-such-zone 不在您的权限范围内");
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    @Test
    void the_bureau_sets_the_zone_s_warning_rules_and_red_must_come_after_yellow() throws Exception {
        String rules = page("BUREAU", "/zones/" + zone + "/warning-rules");
        assertThat(rules)
                .contains("签约后未落地：180 天黄色预警，365 天红色预警")
                .contains("默认规则")
                .contains("id=\"rules-form\"");

        long before = Api.storedEvents(jdbc);
        assertThat(rulesWithProductionRedAt("0")).contains("id=\"error-notInProductionRedDays\">须为1-3650天");
        assertThat(rulesWithProductionRedAt("600")).contains("红色预警天数须大于黄色预警天数");
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);

        post(
                "/zones/" + zone + "/warning-rules",
                "notLandedYellowDays",
                "90",
                "notLandedRedDays",
                "180",
                "notInProductionYellowDays",
                "365",
                "notInProductionRedDays",
                "540");
        String set = json("/api/zones/" + zone + "/warning-rules");
        assertThat(JsonPath.<Integer>read(set, "$.notLandedYellowDays")).isEqualTo(90);
        assertThat(JsonPath.<Integer>read(set, "$.notInProductionRedDays")).isEqualTo(540);
        assertThat(JsonPath.<Boolean>read(set, "$.defaults")).isFalse();
        assertThat(page("LEADERSHIP", "/zones/" + zone + "/warning-rules/summary"))
                .contains("签约后未落地：90 天黄色预警，180 天红色预警")
                .contains("本开发区设定的规则")
                .doesNotContain("<html");
    }

    @Test
    void leadership_and_auditors_read_the_zones_page_without_its_forms_and_may_not_send_them() throws Exception {
        for (String role : new String[] {"LEADERSHIP", "AUDITOR"}) {
            String zones = page(role, "/zones");
            assertThat(zones).contains("id=\"zone-" + zone + "\"").contains("id=\"nav-zones\"");
            assertThat(zones).doesNotContain("targets-form").doesNotContain("register-form");
            assertThat(page(role, "/zones/" + zone + "/warning-rules")).doesNotContain("rules-form");
            assertThat(page(role, "/zones/" + zone + "/warning-rules/summary")).doesNotContain("change-rules");

            long before = Api.storedEvents(jdbc);
            for (String path : new String[] {"/zones", "/zones/targets", "/zones/" + zone + "/warning-rules"}) {
                int status = mvc.perform(as(role, MockMvcRequestBuilders.post(path))
                                .param("zoneId", zone)
                                .param("year", "2025")
                                .param("projectCount", "1"))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(status).as(role + " " + path).isEqualTo(403);
            }
            assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
        }
        assertThat(page("BUREAU", "/zones"))
                .doesNotContain("id=\"targets-form\"")
                .doesNotContain("id=\"register-form\"");
        assertThat(page("REVIEWER", "/zones")).contains("id=\"targets-form\"").doesNotContain("id=\"register-form\"");
        assertThat(page("ADMIN", "/zones")).contains("id=\"register-form\"").doesNotContain("id=\"targets-form\"");
    }

    @Test
    void the_dashboard_links_a_missing_target_to_the_zones_page_for_whoever_may_set_it() throws Exception {
        api.newProject(zone);
        CaughtUp.await(jdbc);
        String dashboard = "/dashboard?zone=" + zone + "&year=2023";

        assertThat(page("REVIEWER", dashboard))
                .contains("id=\"set-targets\"")
                .contains("href=\"/zones?zone=" + zone + "&amp;year=2023#targets-form\"");
        assertThat(page("LEADERSHIP", dashboard)).doesNotContain("id=\"set-targets\"");
        assertThat(page("BUREAU", dashboard)).doesNotContain("id=\"set-targets\"");

        api.put(
                "/api/zones/" + zone + "/targets/2023",
                "{\"contractInvestmentCny\": 10000000000, \"foreignCapitalUsd\": 7000000, \"projectCount\": 20}");
        CaughtUp.await(jdbc);
        assertThat(page("REVIEWER", dashboard)).doesNotContain("id=\"set-targets\"");
    }

    /** Posts a form and expects the redirect back to the zones page. */
    private void post(String path, String... fields) throws Exception {
        MockHttpServletResponse answer = send(writerOf(path), path, fields);
        assertThat(answer.getStatus())
                .as(path + " " + answer.getContentAsString())
                .isEqualTo(302);
    }

    /** The bureau's warning rules form, red before yellow for landing, with production's red days as given. */
    private String rulesWithProductionRedAt(String days) throws Exception {
        return form(
                "BUREAU",
                "/zones/" + zone + "/warning-rules",
                "notLandedYellowDays",
                "200",
                "notLandedRedDays",
                "100",
                "notInProductionYellowDays",
                "500",
                "notInProductionRedDays",
                days);
    }

    /** Posts a form that comes back with its messages. */
    private String form(String role, String path, String... fields) throws Exception {
        MockHttpServletResponse answer = send(role, path, fields);
        answer.setCharacterEncoding("UTF-8");
        assertThat(answer.getStatus()).as(path).isEqualTo(200);
        return answer.getContentAsString();
    }

    private MockHttpServletResponse send(String role, String path, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = as(role, MockMvcRequestBuilders.post(path));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String page(String role, String path) throws Exception {
        return Html.page(mvc, path, reader(role));
    }

    private String json(String path) throws Exception {
        return api.get(path).andReturn().getResponse().getContentAsString();
    }

    /** The role governance.md §2 gives a form: zones the ADMIN's, targets the REVIEWER's, rules the bureau's too. */
    private static String writerOf(String path) {
        return path.equals("/zones") ? "ADMIN" : path.equals("/zones/targets") ? "REVIEWER" : "BUREAU";
    }

    /** Users of the province, so that the tests' own zones are in their scope (test config/application.yml). */
    private static MockHttpServletRequestBuilder as(String role, MockHttpServletRequestBuilder request) {
        return request.with(reader(role)).with(csrf());
    }

    private static RequestPostProcessor reader(String role) {
        String name =
                switch (role) {
                    case "BUREAU" -> "clerk";
                    case "REVIEWER", "LEADERSHIP" -> "inspector";
                    default -> role.toLowerCase();
                };
        return user(name).roles(role);
    }
}
