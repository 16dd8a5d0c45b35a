package cn.zhaoshang.tracker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.DemoTracker;
import cn.zhaoshang.tracker.Html;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 今昔对比 on the demo history (the same context as DemoDataLoaderIT): Songmu's 2023 as known on 5 January 2024
 * differs from now by a signing correction recorded on 22 January and a retraction recorded on 6 February.
 */
@DemoTracker
class ThenAndNowPageIT {

    private static final Pattern CAUSE = Pattern.compile("href=\"/audit/events/(\\d+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void caughtUp() throws InterruptedException {
        CaughtUp.await(jdbc);
    }

    @Test
    void songmu_2023_known_on_5_january_2024_differs_from_now_and_each_difference_names_its_events() throws Exception {
        String page = auditor(compare("2024-01-05T00:00"));

        assertThat(page).contains("id=\"then-now-verdict\"", "当时所知与现在所知不同");
        assertThat(page).contains(">合同投资额<", "当时所知（2024-01-05 00:00:00，位置 ");
        String contract = row(page, "contractInvestmentCny");
        // the unit is said once, in the figure's name; the cells hold the numbers
        assertThat(contract).contains("class=\"diff\"", "合同投资额（亿元）", ">112.3<", ">115<");
        assertThat(contract).contains("更正签约信息", "2024-01-22 由 bureau 登记");
        String foreign = row(page, "foreignCapitalArrivedUsd");
        assertThat(foreign).contains("class=\"diff\"", "实际到位外资（万美元）", ">1548<", ">1448<");
        assertThat(foreign).contains("撤销", "2024-02-06 由 bureau 登记");
        assertThat(row(page, "foreignCapitalCompletion")).contains("class=\"diff\"", ">221%<", ">207%<");

        for (String position : causes(contract)) {
            assertThat(recordedOn(position)).isEqualTo("2024-01-22");
        }
        for (String position : causes(foreign)) {
            assertThat(recordedOn(position)).isEqualTo("2024-02-06");
        }
        assertThat(causes(contract)).isNotEmpty();
        assertThat(causes(foreign)).isNotEmpty();
    }

    @Test
    void each_event_behind_a_difference_names_the_project_it_is_about() throws Exception {
        String page = auditor(compare("2024-01-05T00:00"));

        assertThat(row(page, "contractInvestmentCny")).contains("class=\"subject\">湘研化工精细化学品项目<");
        String landed = row(page, "pipeline.landed");
        assertThat(causes(landed)).hasSizeGreaterThan(1);
        assertThat(landed.split("class=\"subject\">[^<]+<", -1))
                .hasSize(causes(landed).size() + 1);
        assertThat(auditor(compare("2024-01-05T00:00").param("lang", "en"))).contains("class=\"subject\">湘研化工精细化学品项目<");
    }

    @Test
    void figures_that_did_not_change_are_not_highlighted_and_have_no_events() throws Exception {
        String page = auditor(compare("2024-01-05T00:00"));

        String signed = row(page, "projectsSigned");
        assertThat(signed).doesNotContain("class=\"diff\"", "/audit/events/");
        assertThat(signed).contains(">22<");
    }

    @Test
    void now_compared_with_now_is_the_same_and_english_is_available() throws Exception {
        String page = auditor(compare("2099-01-01T00:00"));
        assertThat(page).contains("当时所知与现在所知相同").doesNotContain("class=\"diff\"");

        String english = auditor(compare("2024-01-05T00:00").param("lang", "en"));
        assertThat(english).contains("Then and now", "differs from what is known now", "signing corrected");
        assertThat(row(english, "contractInvestmentCny"))
                .contains("Contracted investment (CNY million)", ">11,230<", ">11,500<");
        assertThat(row(english, "foreignCapitalArrivedUsd"))
                .contains("Foreign capital received (USD million)", ">15.48<", ">14.48<");
        assertThat(english).doesNotContain("万美元", ">112.3<");
    }

    @Test
    void without_an_instant_the_form_is_shown_and_bad_input_is_a_message_on_the_page() throws Exception {
        assertThat(auditor(get("/audit/then-and-now")))
                .contains("id=\"then-now-start\"", "id=\"knownAt\"", "value=\"songmu\"");

        String bad = mvc.perform(compare("2024-01-05 00:00")
                        .param("year", "1800")
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("id=\"then-now-errors\"", "年份须在 1990 至 2100 之间", "“当时”的格式应为");

        mvc.perform(get("/audit/then-and-now")
                        .param("zone", "nowhere")
                        .param("year", "2023")
                        .param("knownAt", "2024-01-05T00:00")
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isNotFound());
    }

    @Test
    void only_auditors_compare() throws Exception {
        mvc.perform(compare("2024-01-05T00:00").with(user("leader").roles("LEADERSHIP")))
                .andExpect(status().isForbidden());
        mvc.perform(compare("2024-01-05T00:00").with(user("clerk").roles("BUREAU")))
                .andExpect(status().isForbidden());
        mvc.perform(compare("2024-01-05T00:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    private static MockHttpServletRequestBuilder compare(String knownAt) {
        return get("/audit/then-and-now")
                .param("zone", "songmu")
                .param("year", "2023")
                .param("knownAt", knownAt);
    }

    /** The table row of one figure. */
    private static String row(String page, String figure) {
        int start = page.indexOf("id=\"figure-" + figure + "\"");
        assertThat(start).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static List<String> causes(String row) {
        List<String> positions = new ArrayList<>();
        Matcher matcher = CAUSE.matcher(row);
        while (matcher.find()) {
            positions.add(matcher.group(1));
        }
        return positions;
    }

    /** The recording day (Beijing time) of the event at a position. */
    private String recordedOn(String position) {
        return jdbc.sql("SELECT timeStamp FROM DomainEventEntry WHERE globalIndex = ?")
                .param(Long.parseLong(position))
                .query(String.class)
                .single()
                .substring(0, 10);
    }

    private String auditor(MockHttpServletRequestBuilder request) throws Exception {
        return Html.page(mvc, request.with(user("auditor").roles("AUDITOR")));
    }
}
