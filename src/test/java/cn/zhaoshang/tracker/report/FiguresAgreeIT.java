package cn.zhaoshang.tracker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A zone whose year has terminations (of this year's signings and of earlier ones, in the year and after it), an
 * amendment of an earlier project, and late entries recorded after a first report was sent: a correction of a
 * signing, a retracted duplicate, a landing and a whole project entered late. Every figure agrees through every
 * output, as now known and as known then, and the 月报 sent then comes back byte for byte with {@code atPosition}.
 */
@InMemoryTracker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresAgreeIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaliberTexts calibers;

    Api api;
    EveryOutput every;
    String zone;
    String quiet;
    Instant sent;
    long sentAt;
    String reportSent;
    byte[] workbookSent;

    @BeforeAll
    void aYearReportedThenCorrectedAndCompletedLate() throws Exception {
        api = new Api(mvc);
        every = new EveryOutput(mvc, calibers);
        String city = "c" + UUID.randomUUID().toString().substring(0, 8);
        zone = api.newZone(city);
        quiet = api.newZone(city);
        api.put(
                        "/api/zones/" + zone + "/targets/2023",
                        "{\"contractInvestmentCny\": 5000000000, \"foreignCapitalUsd\": 5000000, \"projectCount\": 5}")
                .andExpect(status().isOk());

        String p1 = sign(zone, "甲新材料项目", "GLOBAL", "NEW_MATERIALS", "2023-02-01", "1000000000");
        command(p1, "landing", "{\"landedOn\": \"2023-05-10\"}");
        arrival(p1, "2023-06-01", "FOREIGN", "3000000");
        String duplicate = arrival(p1, "2023-06-02", "FOREIGN", "500000");
        command(p1, "production", "{\"startedOn\": \"2024-03-01\"}");
        String p2 = sign(zone, "乙精细化工项目", null, "FINE_CHEMICAL", "2023-03-01", "500000000");
        arrival(p2, "2023-04-01", "DOMESTIC", "10000000");
        command(p2, "termination", "{\"terminatedOn\": \"2023-08-01\", \"reason\": \"投资方撤资\"}");
        String p3 = sign(zone, "丙物流项目", null, "LOGISTICS", "2022-06-01", "400000000");
        command(p3, "landing", "{\"landedOn\": \"2023-01-20\"}");
        command(
                p3,
                "amendments",
                "{\"amendedOn\": \"2023-07-01\", \"contractInvestmentCny\": 600000000, \"reason\": \"增资\"}");
        command(p3, "production", "{\"startedOn\": \"2023-11-01\"}");
        String p4 = sign(zone, "丁新能源项目", "CHINA_PRIVATE", "NEW_ENERGY", "2023-09-01", "300000000");
        arrival(p4, "2024-01-10", "DOMESTIC", "5000000");
        command(p4, "termination", "{\"terminatedOn\": \"2024-02-01\", \"reason\": \"资金链断裂\"}");
        String p5 = sign(zone, "戊项目", null, "OTHER", "2022-03-01", "200000000");
        command(p5, "termination", "{\"terminatedOn\": \"2023-03-15\", \"reason\": \"协商解约\"}");
        String p6 = sign(zone, "己盐化项目", null, "SALT_CHEMICAL", "2023-11-20", "100000000");
        arrival(sign(quiet, "邻区项目", null, "OTHER", "2023-05-01", "100000000"), "2023-07-01", "FOREIGN", "1000000");

        sentAt = CaughtUp.await(jdbc);
        reportSent = read("/api/reports/zones/" + zone + "/years/2023");
        workbookSent = bytes("/api/reports/zones/" + zone + "/years/2023/workbook.xlsx");
        Thread.sleep(1100);
        sent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1100);

        api.post(
                        "/api/projects/" + p1 + "/signing-correction",
                        "{\"contractInvestmentCny\": 1200000000, \"reason\": \"录入错误\"}")
                .andExpect(status().isOk());
        api.post("/api/projects/" + p1 + "/capital-arrivals/" + duplicate + "/retraction", "{\"reason\": \"重复录入\"}")
                .andExpect(status().isOk());
        command(p6, "landing", "{\"landedOn\": \"2023-12-15\"}");
        String p7 = sign(zone, "庚项目", null, "OTHER", "2023-04-10", "200000000");
        command(p7, "termination", "{\"terminatedOn\": \"2023-10-01\", \"reason\": \"未按期开工\"}");
        arrival(p3, "2023-05-01", "FOREIGN", "200000");
        CaughtUp.await(jdbc);
    }

    @Test
    void every_figure_agrees_through_every_output_now_and_on_past_business_dates() throws Exception {
        for (String asOf : Arrays.asList(null, "2023-06-30", "2023-12-31", "2024-01-31")) {
            every.assertAgree(every.read(zone, 2023, asOf));
        }
        every.assertAgree(every.read(zone, 2022, null));
        every.assertAgree(every.read(zone, 2024, null));
        every.assertAgree(every.read(quiet, 2023, null));
    }

    @Test
    void the_year_counts_what_happened_in_it_and_follows_its_signings_to_today() throws Exception {
        EveryOutput.Outputs now = every.read(zone, 2023, null);

        // signed in 2023: 甲 乙 丁 己 庚; 丙 (2022) adds its 2亿 increase; 甲 corrected to 12亿
        assertThat(now.json("$.projectsSigned")).isEqualTo(5);
        assertThat(now.json("$.top500Projects")).isEqualTo(2);
        assertThat(EveryOutput.number(now.report(), "$.contractInvestmentCny")).isEqualByComparingTo("2500000000");
        assertThat(EveryOutput.number(now.report(), "$.foreignCapitalArrivedUsd"))
                .isEqualByComparingTo("3200000");
        assertThat(EveryOutput.number(now.report(), "$.domesticCapitalArrivedCny"))
                .isEqualByComparingTo("10000000");
        // dated in 2023: landings of 甲 丙 己, production of 丙, terminations of 乙 戊 (signed 2022) 庚
        assertThat(now.json("$.projectsLanded")).isEqualTo(3);
        assertThat(now.json("$.projectsInProduction")).isEqualTo(1);
        assertThat(now.json("$.projectsTerminated")).isEqualTo(3);
        // the 2023 signings today: 甲 己 landed, 甲 producing (2024), 乙 庚 丁 (2024) terminated
        assertThat((Integer) JsonPath.read(now.pipeline(), "$.data.landed")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(now.pipeline(), "$.data.inProduction"))
                .isEqualTo(1);
        assertThat((Integer) JsonPath.read(now.pipeline(), "$.data.terminated")).isEqualTo(3);
        assertThat(EveryOutput.number(now.pipeline(), "$.data.cohortDomesticCapitalArrivedCny"))
                .isEqualByComparingTo("15000000");
        assertThat(EveryOutput.number(now.pipeline(), "$.data.capitalArrivalRate"))
                .isEqualByComparingTo("0.0065");
        assertThat(EveryOutput.number(now.report(), "$.city.foreignCapitalShare"))
                .isEqualByComparingTo("0.7619");

        EveryOutput.Outputs endOfYear = every.read(zone, 2023, "2023-12-31");
        assertThat((Integer) JsonPath.read(endOfYear.pipeline(), "$.data.terminated"))
                .isEqualTo(2);
        assertThat((Integer) JsonPath.read(endOfYear.pipeline(), "$.data.inProduction"))
                .isZero();
    }

    @Test
    void then_and_now_shows_the_report_as_sent_beside_the_report_as_now_known() throws Exception {
        String then = LocalDateTime.ofInstant(sent, CHINA).toString();
        every.assertThenAgrees(zone, 2023, null, then, sent.toString());
        every.assertThenAgrees(zone, 2023, "2023-06-30", then, sent.toString());

        String known = read("/api/reports/zones/" + zone + "/years/2023?knownAt=" + sent);
        assertThat(EveryOutput.number(known, "$.contractInvestmentCny")).isEqualByComparingTo("2100000000");
        assertThat(EveryOutput.number(known, "$.foreignCapitalArrivedUsd")).isEqualByComparingTo("3500000");
        assertThat(known).isEqualTo(reportSent.replace("\"knownAt\":null", "\"knownAt\":\"" + sent + "\""));
    }

    @Test
    void the_monthly_report_sent_then_is_regenerated_byte_for_byte_at_its_position() throws Exception {
        String path = "/api/reports/zones/" + zone + "/years/2023/workbook.xlsx";

        assertThat(bytes(path + "?atPosition=" + sentAt)).isEqualTo(workbookSent);
        assertThat(bytes(path)).isEqualTo(bytes(path)).isNotEqualTo(workbookSent);
        assertThat(read("/api/reports/zones/" + zone + "/years/2023?atPosition=" + sentAt))
                .isEqualTo(reportSent);
    }

    @Test
    void a_zone_without_figures_in_a_year_has_no_rank() throws Exception {
        EveryOutput.Outputs nothing = every.read(zone, 2021, null);
        every.assertAgree(nothing);

        assertThat(nothing.json("$.city.foreignCapitalRank")).isEqualTo(1);
        assertThat(JsonPath.<java.util.List<String>>read(nothing.dashboard(), "$.tiles[?(@.key == 'rank')].value"))
                .containsExactly("—");
        EveryOutput.Outputs second = every.read(quiet, 2023, null);
        assertThat(JsonPath.<java.util.List<String>>read(second.dashboard(), "$.tiles[?(@.key == 'rank')].value"))
                .containsExactly("第2");
    }

    @Test
    void a_year_without_signings_says_why_it_has_no_rates_instead_of_dividing_by_zero() throws Exception {
        java.util.List<String> rates =
                JsonPath.read(every.read(zone, 2021, null).dashboard(), "$.rates");

        assertThat(rates).contains("履约率 —（当年没有签约项目）", "内资到位率 —（当年没有签约项目）", "签约至落地天数（中位数） —（当年签约项目尚无落地）");
        assertThat(String.join("\n", rates)).doesNotContain("÷ 0", "— 天");
    }

    private String sign(String zoneId, String name, String top500, String industry, String signedOn, String amount)
            throws Exception {
        String body = api.post(
                        "/api/projects",
                        """
                        {"zoneId": "%s", "name": "%s", "investor": {"name": "%s投资方", "country": "CN", "top500": %s},
                         "industry": "%s", "signedOn": "%s", "contractInvestmentCny": %s}"""
                                .formatted(
                                        zoneId,
                                        name,
                                        name,
                                        top500 == null ? "null" : "\"" + top500 + "\"",
                                        industry,
                                        signedOn,
                                        amount))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private void command(String project, String command, String body) throws Exception {
        api.post("/api/projects/" + project + "/" + command, body).andExpect(status().isOk());
    }

    private String arrival(String project, String arrivedOn, String kind, String amount) throws Exception {
        return api.arrived(project, arrivedOn, kind, amount);
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("inspector", "inspector-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private byte[] bytes(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("inspector", "inspector-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }
}
