package cn.zhaoshang.tracker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.InAFreshZone;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The reports over HTTP, with both clocks around an amendment, a retraction and a signing correction. */
@InMemoryTracker
class ReportIT extends InAFreshZone {

    /** A city of its own, so that the city's report ranks this test's zones alone. */
    ReportIT() {
        super("c" + UUID.randomUUID().toString().substring(0, 8));
    }

    @BeforeEach
    void targets() throws Exception {
        api.put(
                        "/api/zones/" + zone + "/targets/2023",
                        "{\"contractInvestmentCny\": 10000000000, \"foreignCapitalUsd\": 7000000}")
                .andExpect(status().isOk());
    }

    @Test
    void a_report_known_before_a_correction_keeps_the_old_figure_and_known_after_shows_the_new_one() throws Exception {
        String project = api.newProject(zone);
        increase(project, "2023-09-01", "1800000000");
        Instant beforeCorrection = pause();
        api.post(
                        "/api/projects/" + project + "/signing-correction",
                        "{\"contractInvestmentCny\": 1400000000, \"top500\": null, \"reason\": \"录入错误\"}")
                .andExpect(status().isOk());

        String now = report("");
        assertThat(number(now, "$.contractInvestmentCny")).isEqualTo("1800000000");
        assertThat(number(now, "$.top500Projects")).isEqualTo("0");
        String before = report("?knownAt=" + beforeCorrection);
        assertThat(number(before, "$.contractInvestmentCny")).isEqualTo("1800000000");
        assertThat(number(before, "$.top500Projects")).isEqualTo("1");
        String beforeAmendmentDate = report("?asOf=2023-08-31");
        assertThat(number(beforeAmendmentDate, "$.contractInvestmentCny")).isEqualTo("1400000000");
        String bothClocks = report("?asOf=2023-08-31&knownAt=" + beforeCorrection);
        assertThat(number(bothClocks, "$.contractInvestmentCny")).isEqualTo("1500000000");
        assertThat(number(bothClocks, "$.contractInvestmentCompletion")).isEqualTo("0.15");
    }

    @Test
    void a_retraction_removes_an_arrival_from_reports_known_after_it_only() throws Exception {
        String project = api.newProject(zone);
        String arrival = api.arrived(project, "2023-07-01", "FOREIGN", "14480000");
        api.arrival(project, "2023-07-02", "FOREIGN", "500000").andExpect(status().isCreated());
        Instant beforeRetraction = pause();
        String duplicate = api.arrived(project, "2023-07-03", "FOREIGN", "14480000");
        api.post(
                        "/api/projects/" + project + "/capital-arrivals/" + duplicate + "/retraction",
                        "{\"reason\": \"重复录入\"}")
                .andExpect(status().isOk());
        assertThat(arrival).isNotBlank();

        assertThat(number(report(""), "$.foreignCapitalArrivedUsd")).isEqualTo("14980000");
        assertThat(number(report("?knownAt=" + beforeRetraction), "$.foreignCapitalArrivedUsd"))
                .isEqualTo("14980000");
        assertThat(number(report("?asOf=2023-07-01"), "$.foreignCapitalArrivedUsd"))
                .isEqualTo("14480000");
        assertThat(number(report("?asOf=2023-07-01"), "$.foreignCapitalCompletion"))
                .isEqualTo("2.0686");
    }

    @Test
    void an_amendment_counts_its_increment_in_the_year_of_the_amendment() throws Exception {
        String project = api.newProject(zone);
        increase(project, "2024-02-01", "2000000000");
        assertThat(number(report(""), "$.contractInvestmentCny")).isEqualTo("1500000000");
        assertThat(number(awaited("/api/reports/zones/" + zone + "/years/2024"), "$.contractInvestmentCny"))
                .isEqualTo("500000000");
        assertThat(number(awaited("/api/reports/zones/" + zone + "/years/2024"), "$.projectsSigned"))
                .isEqualTo("0");
    }

    @Test
    void the_city_report_ranks_zones_by_foreign_capital_and_ties_share_a_rank() throws Exception {
        String second = api.newZone(city);
        String third = api.newZone(city);
        arrive(api.newProject(zone), "3000000");
        arrive(api.newProject(second), "1000000");
        arrive(api.newProject(third), "1000000");

        String report = awaited("/api/reports/cities/" + city + "/years/2023");
        assertThat(number(report, "$.foreignCapitalArrivedUsd")).isEqualTo("5000000");
        assertThat(JsonPath.<String>read(report, "$.zones[0].zoneId")).isEqualTo(zone);
        assertThat(number(report, "$.zones[0].foreignCapitalShare")).isEqualTo("0.6");
        assertThat(number(report, "$.zones[1].foreignCapitalRank")).isEqualTo("2");
        assertThat(number(report, "$.zones[2].foreignCapitalRank")).isEqualTo("2");

        String own = report("");
        assertThat(number(own, "$.city.zones")).isEqualTo("3");
        assertThat(number(own, "$.city.foreignCapitalShare")).isEqualTo("0.6");
        assertThat(number(own, "$.city.foreignCapitalRank")).isEqualTo("1");
    }

    @Test
    void the_province_report_ranks_its_cities_and_zones_and_gives_each_zone_its_zone_year_figures() throws Exception {
        String province = "p" + UUID.randomUUID().toString().substring(0, 8);
        String first = province + "-a";
        String second = province + "-b";
        String big = api.newZone(first, province);
        String small = api.newZone(first, province);
        String middle = api.newZone(second, province);
        Api inProvince = api.inProvince(province);
        arrive(inProvince, inProvince.newProject(big), "3000000");
        arrive(inProvince, inProvince.newProject(small), "1000000");
        arrive(inProvince, inProvince.newProject(middle), "2000000");

        String report = awaited(inProvince, "/api/reports/provinces/" + province + "/years/2023");
        assertThat(JsonPath.<String>read(report, "$.province")).isEqualTo(province);
        assertThat(number(report, "$.foreignCapitalArrivedUsd")).isEqualTo("6000000");
        assertThat(number(report, "$.contractInvestmentCny")).isEqualTo("4500000000");
        assertThat(number(report, "$.projectsSigned")).isEqualTo("3");
        assertThat(JsonPath.<List<String>>read(report, "$.cities[*].city")).containsExactly(first, second);
        assertThat(number(report, "$.cities[0].zones")).isEqualTo("2");
        assertThat(number(report, "$.cities[0].foreignCapitalArrivedUsd")).isEqualTo("4000000");
        assertThat(number(report, "$.cities[0].foreignCapitalShare")).isEqualTo("0.6667");
        assertThat(number(report, "$.cities[1].foreignCapitalRank")).isEqualTo("2");
        assertThat(JsonPath.<List<String>>read(report, "$.zones[*].zoneId")).containsExactly(big, middle, small);
        assertThat(number(report, "$.zones[0].foreignCapitalShare")).isEqualTo("0.5");
        assertThat(number(report, "$.zones[2].foreignCapitalRank")).isEqualTo("3");
        assertThat(number(report, "$.zones[2].city.foreignCapitalRank")).isEqualTo("2");
        assertThat(JsonPath.<Object>read(report, "$.positionHash")).isNotNull();

        // each zone's line holds its zone-year report's figures, field for field, without the report's own clocks
        Map<String, Object> line = JsonPath.read(report, "$.zones[2]");
        Map<String, Object> zoneYear =
                JsonPath.read(awaited(inProvince, "/api/reports/zones/" + small + "/years/2023"), "$");
        List<String> clocks = List.of("year", "asOf", "knownAt", "position", "positionHash", "checkpoint");
        assertThat(line).doesNotContainKeys(clocks.toArray(String[]::new));
        zoneYear.keySet().removeAll(clocks);
        assertThat(line).containsAllEntriesOf(zoneYear);

        long position = Long.parseLong(number(report, "$.position"));
        assertThat(awaited(inProvince, "/api/reports/provinces/" + province + "/years/2023?atPosition=" + position))
                .isEqualTo(report);
    }

    @Test
    void the_dashboard_views_answer_with_both_clocks() throws Exception {
        String project = api.newProject(zone);
        api.post("/api/projects/" + project + "/landing", "{\"landedOn\": \"2023-05-14\"}");
        String pipeline = awaited("/api/reports/zones/" + zone + "/years/2023/pipeline");
        assertThat(number(pipeline, "$.data.landingRate")).isEqualTo("1");
        assertThat(number(pipeline, "$.data.medianDaysSignedToLanded")).isEqualTo("60");
        assertThat(number(
                        awaited("/api/reports/zones/" + zone + "/years/2023/pipeline?asOf=2023-05-13"),
                        "$.data.landed"))
                .isEqualTo("0");
        String monthly = awaited("/api/reports/zones/" + zone + "/years/2023/monthly");
        assertThat(number(monthly, "$.data[2].contractInvestmentCny")).isEqualTo("1500000000");
        assertThat(number(monthly, "$.data[11].cumulativeContractInvestmentCny"))
                .isEqualTo("1500000000");
        assertThat(JsonPath.<String>read(
                        awaited("/api/reports/zones/" + zone + "/years/2023/top500"), "$.data[0].investorName"))
                .isEqualTo("日本触媒");
        assertThat(JsonPath.<String>read(
                        awaited("/api/reports/zones/" + zone + "/years/2023/industries"), "$.data[0].industry"))
                .isEqualTo("NEW_MATERIALS");
    }

    @Test
    void bad_report_requests_are_400_and_unknown_zones_404() throws Exception {
        // each refusal names the parameter and says what it takes, without Java's type names or the value sent
        api.get("/api/reports/zones/" + zone + "/years/2023?asOf=yesterday")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("日期格式应为 年-月-日，如 2023-03-15 / A date is year-month-day, e.g. 2023-03-15"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("yesterday"))));
        api.get("/api/reports/zones/" + zone + "/years/2023?atPosition=first")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("atPosition"))
                .andExpect(jsonPath("$.errors[0].message").value("格式不正确 / Wrong format"));
        api.get("/api/reports/zones/" + zone + "/years/2023?knownAt=2024-13-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("北京时间当日零点")));
        // a date is accepted (KnownAtTest: the start of that day in Beijing time)
        api.get("/api/reports/cities/hengyang/years/2023?knownAt=2100-01-05")
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(400));
        // atPosition fixes where the history ends: knownAt beside it is refused, not ignored
        api.get("/api/reports/zones/" + zone + "/years/2023?knownAt=2024-01-05&atPosition=1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("atPosition")));
        api.get("/api/reports/zones/" + zone + "/years/1200").andExpect(status().isBadRequest());
        api.get("/api/reports/zones/" + zone + "/years/2023?atPosition=-1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("atPosition"))
                .andExpect(jsonPath("$.errors[0].message").value("不能为负数 / Must not be negative"));
        api.get("/api/reports/zones/nowhere/years/2023").andExpect(status().isNotFound());
        api.get("/api/reports/cities/nowhere/years/2023").andExpect(status().isNotFound());
        api.get("/api/reports/provinces/nowhere/years/2023")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("省份 nowhere 不存在 / unknown province nowhere"));
        api.get("/api/reports/provinces/hunan/years/1200").andExpect(status().isBadRequest());
        api.get("/api/reports/zones/" + zone + "/years/2023?atPosition=999999999")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").isString());
    }

    /** Amends a project's contract to a larger total (增资). */
    private void increase(String project, String amendedOn, String total) throws Exception {
        api.post(
                        "/api/projects/" + project + "/amendments",
                        "{\"amendedOn\": \"%s\", \"contractInvestmentCny\": %s, \"reason\": \"增资\"}"
                                .formatted(amendedOn, total))
                .andExpect(status().isOk());
    }

    private void arrive(String project, String amount) throws Exception {
        arrive(api, project, amount);
    }

    private static void arrive(Api api, String project, String amount) throws Exception {
        api.arrival(project, "2023-07-01", "FOREIGN", amount).andExpect(status().isCreated());
    }

    private String report(String query) throws Exception {
        return awaited("/api/reports/zones/" + zone + "/years/2023" + query);
    }

    /** Reports run behind the commands: wait until the report projection and the hash chain have caught up. */
    private String awaited(String path) throws Exception {
        CaughtUp.await(jdbc);
        return api.perform(Api.as(
                        Api.REVIEWER, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String awaited(Api as, String path) throws Exception {
        CaughtUp.await(jdbc);
        return as.get(path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** An instant strictly between what was recorded before and what is recorded after. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }

    private static String number(String json, String path) {
        return new java.math.BigDecimal(JsonPath.read(json, path).toString())
                .stripTrailingZeros()
                .toPlainString();
    }
}
