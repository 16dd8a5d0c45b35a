package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What is sent is what is read: no value of one JSON type taken for another, no blank taken for a missing amount, no
 * date outside 1949-10-01 … today or written any other way than YYYY-MM-DD, no text a person cannot read. Each is a
 * 400 that names the field and records nothing, through the API and through the forms alike.
 */
@InMemoryTracker
@ExtendWith(OutputCaptureExtension.class)
class StrictInputIT extends InAFreshZone {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\": 1e400, \"name\": true, \"city\": 12}",
                "{\"id\": \"strict-a\", \"name\": true, \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": 12, \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": \"\\u200b\", \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": \"\\u3000\\u200b\\u00a0\", \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": \"\\u0000\", \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": \"开发区\\u0000\", \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": \"开发区\\u0007\\u001b\", \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": \"开发区\\u0085\", \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": \"开发区\\ud800\", \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": \"\\udc00开发区\", \"city\": \"hengyang\"}",
                "{\"id\": \"strict-a\", \"name\": \"两行\\n的名称\", \"city\": \"hengyang\"}"
            })
    void a_zone_with_coerced_or_unreadable_values_is_400_and_not_registered(String body) throws Exception {
        long before = events();
        api.post("/api/zones", body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").isString());
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void the_api_says_the_pages_validation_messages_in_both_languages() throws Exception {
        api.post("/api/zones", "{\"id\": \"Not A Slug\", \"name\": \"\u200b\", \"city\": \"hengyang\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("必填 / Required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'id')].message")
                        .value("只能包含小写字母、数字和连字符（1-40个） / Lower-case letters, digits and hyphens only (1-40)"));
        api.post("/api/projects", Api.signing(zone).replace("2023-03-15", "1900-01-01"))
                .andExpect(jsonPath("$.errors[0].message").value("不能早于1949年10月1日 / Must not be before 1 October 1949"));
    }

    @Test
    void a_name_with_a_character_outside_the_basic_plane_is_plain_text() throws Exception {
        api.post("/api/zones", "{\"id\": \"strict-emoji\", \"name\": \"𠀀开发区🏭\", \"city\": \"hengyang\"}")
                .andExpect(status().isCreated());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"contractInvestmentCny\": \" \", \"foreignCapitalUsd\": \"\\u0000\"}",
                "{\"contractInvestmentCny\": \"\"}",
                "{\"contractInvestmentCny\": \"100\"}",
                "{\"contractInvestmentCny\": true}",
                "{\"projectCount\": \"3\"}",
                "{\"projectCount\": 2.5}"
            })
    void blank_text_or_booleans_as_amounts_are_400_and_set_no_target(String body) throws Exception {
        api.put("/api/zones/" + zone + "/targets/2023", "{\"contractInvestmentCny\": 10000000000}")
                .andExpect(status().is2xxSuccessful());
        long before = events();

        api.put("/api/zones/" + zone + "/targets/2023", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").isString());

        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"-999999999-01-01\"",
                "\"0000-01-01\"",
                "\"1949-09-30\"",
                "\"+2023-03-15\"",
                "\"2024-03-05T23:59:59Z\"",
                "\"2024-03-05T08:00\"",
                "\"2024-3-5\"",
                "\"2023-02-29\"",
                "[2024, 3, 5]",
                "20240305",
                "\"\""
            })
    void a_signing_date_outside_1949_to_today_or_not_written_yyyy_mm_dd_is_400(String signedOn) throws Exception {
        long before = events();
        api.post("/api/projects", Api.signing(zone).replace("\"2023-03-15\"", signedOn))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signedOn"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void the_first_day_of_the_republic_is_a_date_a_deal_can_carry() throws Exception {
        api.post("/api/projects", Api.signing(zone).replace("2023-03-15", "1949-10-01"))
                .andExpect(status().isCreated());
    }

    @Test
    void a_reason_may_run_over_several_lines() throws Exception {
        String id = api.newProject(zone);
        api.post(
                        "/api/projects/" + id + "/termination",
                        "{\"terminatedOn\": \"2023-05-01\", \"reason\": \"投资方撤资：\\n\\t董事会决议\"}")
                .andExpect(status().isOk());
    }

    @Test
    void the_signing_form_refuses_dates_before_1949_and_invisible_or_control_text() throws Exception {
        long before = events();
        String page = mvc.perform(bureau(MockMvcRequestBuilders.post("/projects"))
                        .param("zoneId", zone)
                        .param("name", "\u200b")
                        .param("investorName", "投资方\u0000")
                        .param("industry", "NEW_ENERGY")
                        .param("signedOn", "0000-01-01")
                        .param("contractInvestmentYi", "1"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"error-name\">必填")
                .contains("id=\"error-investorName\">含有控制字符")
                .contains("id=\"error-signedOn\">不能早于1949年10月1日");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_query_parameter_with_a_control_character_is_400() throws Exception {
        mvc.perform(bureau(MockMvcRequestBuilders.get("/ledger")).param("q", "a\u0000b"))
                .andExpect(status().isBadRequest());
        mvc.perform(Api.as(Api.REVIEWER, MockMvcRequestBuilders.get("/api/projects"))
                        .param("zoneId", zone + "\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "garbage", "application/"})
    void a_wildcard_or_unreadable_content_type_is_415(String contentType) throws Exception {
        long before = events();
        mvc.perform(Api.as(Api.ADMIN, MockMvcRequestBuilders.post("/api/zones"))
                        .header(HttpHeaders.CONTENT_TYPE, contentType)
                        .content("{\"id\": \"strict-ct\", \"name\": \"开发区\", \"city\": \"hengyang\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:problem:unsupported-media-type"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void error_asked_for_directly_is_a_404_problem() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/error"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:problem:not-found"));
    }

    @Test
    void a_path_the_firewall_rejects_is_an_invalid_request_not_a_forbidden_one() throws Exception {
        api.get("/api/zones;jsessionid=1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:problem:invalid-request"));
    }

    @Test
    void head_works_wherever_get_does_and_options_says_what_is_allowed() throws Exception {
        // Tomcat drops a HEAD's body (PackagedJarIT); MockMvc keeps it, so only the status is checked here.
        mvc.perform(Api.as(Api.BUREAU, MockMvcRequestBuilders.head("/api/zones")))
                .andExpect(status().isOk());
        mvc.perform(Api.as(Api.REVIEWER, MockMvcRequestBuilders.head("/api/zones/" + zone)))
                .andExpect(status().isOk());
        mvc.perform(Api.as(Api.REVIEWER, MockMvcRequestBuilders.head("/api/audit/events")))
                .andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.head("/dashboard")
                        .with(user("inspector").roles("LEADERSHIP")))
                .andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.head("/actuator/health")).andExpect(status().isOk());
        mvc.perform(Api.as(Api.BUREAU, MockMvcRequestBuilders.options("/api/zones")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ALLOW, org.hamcrest.Matchers.containsString("POST")));
    }

    @Test
    void pages_carry_a_content_security_policy_without_inline_scripts() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/dashboard")
                        .with(user("inspector").roles("LEADERSHIP")))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script th:inline"))))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesRegex("(?s).*<script>.*"))));
    }

    @Test
    void an_expected_refusal_logs_no_stack_trace(CapturedOutput output) throws Exception {
        int start = output.getAll().length();
        api.post("/api/zones", "{\"id\": \"%s\", \"name\": \"重复\", \"city\": \"hengyang\"}".formatted(zone))
                .andExpect(status().isConflict());
        api.post("/api/projects", Api.signing("no-such-zone")).andExpect(status().isNotFound());
        api.post("/api/zones", "{\"id\": 1}").andExpect(status().isBadRequest());

        String logged = output.getAll().substring(start);
        assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception occurred");
    }

    private MockHttpServletRequestBuilder bureau(MockHttpServletRequestBuilder request) {
        return request.with(user("clerk").roles("BUREAU")).with(csrf());
    }

    private long events() {
        return Api.storedEvents(jdbc);
    }
}
