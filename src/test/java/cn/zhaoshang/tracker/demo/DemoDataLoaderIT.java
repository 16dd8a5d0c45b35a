package cn.zhaoshang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.DemoTracker;
import cn.zhaoshang.tracker.project.api.RetractArrival;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The demo history loads on an empty store through the real commands, and never on a store that has events. */
@DemoTracker
class DemoDataLoaderIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoDataLoader loader;

    @Test
    void leadership_sees_songmu_s_22_projects_of_2023_four_top_500_and_one_terminated() throws Exception {
        String body = read("/api/projects?zoneId=songmu&signedYear=2023&size=500");

        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(22);
        List<Map<String, Object>> items = JsonPath.read(body, "$.items");
        assertThat(items).hasSize(22);
        List<Object> top500 = items.stream()
                .<Object>map(item -> ((Map<?, ?>) item.get("investor")).get("top500"))
                .filter(Objects::nonNull)
                .toList();
        assertThat(top500).hasSize(4);
        assertThat(items)
                .filteredOn(item -> "TERMINATED".equals(item.get("stage")))
                .hasSize(1);
    }

    @Test
    void the_retracted_duplicate_shows_in_the_project_s_history_with_its_reason_who_and_when() throws Exception {
        String projectId = DemoData.steps().stream()
                .map(DemoData.Step::command)
                .filter(RetractArrival.class::isInstance)
                .map(command -> ((RetractArrival) command).projectId().value())
                .findFirst()
                .orElseThrow();

        String history = read("/api/projects/" + projectId + "/history");

        List<Map<String, Object>> retractions = JsonPath.read(history, "$.events[?(@.type == 'ArrivalRetracted')]");
        assertThat(retractions).hasSize(1);
        Map<String, Object> retraction = retractions.get(0);
        assertThat((String) retraction.get("reason")).isEqualTo("重复录入：同一笔外资登记了两次");
        assertThat(retraction.get("recordedBy")).isEqualTo("bureau");
        assertThat((String) retraction.get("recordedAt")).startsWith("2024-");
        List<String> recorders = JsonPath.read(history, "$.events[*].recordedBy");
        assertThat(recorders).containsOnly("bureau");
    }

    @Test
    void the_songmu_2023_report_reproduces_the_article_and_shows_the_mistakes_as_they_were_known_before()
            throws Exception {
        String now = awaitReport("/api/reports/zones/songmu/years/2023");

        assertThat((Integer) JsonPath.read(now, "$.projectsSigned")).isEqualTo(22);
        assertThat((Integer) JsonPath.read(now, "$.top500Projects")).isEqualTo(4);
        assertThat(number(now, "$.contractInvestmentCny")).isEqualByComparingTo("11500000000");
        assertThat(number(now, "$.contractInvestmentCompletion")).isEqualByComparingTo("1.15");
        assertThat(number(now, "$.foreignCapitalArrivedUsd")).isEqualByComparingTo("14480000");
        assertThat(number(now, "$.foreignCapitalCompletion")).isEqualByComparingTo("2.0686");
        assertThat(number(now, "$.city.foreignCapitalArrivedUsd")).isEqualByComparingTo("49250000");
        assertThat(number(now, "$.city.foreignCapitalShare")).isEqualByComparingTo("0.2940");
        assertThat((Integer) JsonPath.read(now, "$.city.foreignCapitalRank")).isEqualTo(1);

        String before = read("/api/reports/zones/songmu/years/2023?knownAt=2024-01-05T00:00:00Z");
        assertThat(number(before, "$.contractInvestmentCny")).isEqualByComparingTo("11230000000");
        assertThat(number(before, "$.foreignCapitalArrivedUsd")).isEqualByComparingTo("15480000");
    }

    @Test
    void every_command_of_the_demo_left_its_event_and_the_users_came_after_it() {
        long users =
                jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single();
        assertThat(users).as("the bootstrap users").isPositive();
        assertThat(storedEvents()).isEqualTo(DemoData.steps().size() + users);
        long firstUserEvent = jdbc.sql(
                        "SELECT MIN(globalIndex) FROM DomainEventEntry WHERE aggregateIdentifier LIKE 'user:%'")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex < ?")
                        .param(firstUserEvent)
                        .query(Long.class)
                        .single())
                .isEqualTo(DemoData.steps().size());
    }

    @Test
    void starting_again_on_a_store_that_has_events_loads_nothing() {
        long before = storedEvents();

        loader.run(new DefaultApplicationArguments());

        assertThat(storedEvents()).isEqualTo(before);
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("leader", "leader-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The report is a tracking projection: it is read once it has caught up with the whole demo history. */
    private String awaitReport(String path) throws Exception {
        long head = jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            // Until the projection has seen the zone, the report is a 404: keep waiting.
            MockHttpServletResponse answer = mvc.perform(get(path).with(httpBasic("leader", "leader-demo")))
                    .andReturn()
                    .getResponse();
            if (answer.getStatus() == 200) {
                String report = answer.getContentAsString();
                Object position = JsonPath.read(report, "$.position");
                if (position instanceof Number number && number.longValue() == head) {
                    return report;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                return read(path);
            }
            Thread.sleep(200);
        }
    }

    private static BigDecimal number(String json, String path) {
        Object value = JsonPath.read(json, path);
        return new BigDecimal(String.valueOf(value));
    }

    private long storedEvents() {
        // warnings the system raises for demo projects and zone-months live in their own streams
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier NOT LIKE '%/warning'"
                        + " AND aggregateIdentifier NOT LIKE '%/submission-warning/%'")
                .query(Long.class)
                .single();
    }
}
