package cn.zhaoshang.tracker.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.Html;
import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The warnings end to end: the saga, the persistent deadlines polled every 200 ms, the report data, the history. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:warning-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "tracker.demo-data=false",
            "db-scheduler.polling-interval=200ms"
        })
@AutoConfigureMockMvc
class WarningIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_project_signed_200_days_ago_without_landing_is_yellow_in_the_report_data_and_in_its_history()
            throws Exception {
        Api api = new Api(mvc);
        String zone = api.newZone("hengyang");
        LocalDate today = LocalDate.now(clock);
        String project = sign(api, zone, today.minusDays(200));

        String warnings = await(
                "/api/reports/zones/" + zone + "/warnings",
                body -> JsonPath.<Integer>read(body, "$.projects.length()") == 1);
        assertThat(JsonPath.<String>read(warnings, "$.projects[0].projectId")).isEqualTo(project);
        assertThat(JsonPath.<String>read(warnings, "$.projects[0].colour")).isEqualTo("YELLOW");
        assertThat(JsonPath.<String>read(warnings, "$.projects[0].kind")).isEqualTo("NOT_LANDED");
        assertThat(JsonPath.<Integer>read(warnings, "$.projects[0].daysOverdue"))
                .isEqualTo(20);
        assertThat(JsonPath.<Integer>read(warnings, "$.yellow")).isEqualTo(1);
        assertThat(JsonPath.<Boolean>read(warnings, "$.rules.defaults")).isTrue();

        String history = read("/api/projects/" + project + "/history");
        assertThat(JsonPath.<List<String>>read(history, "$.events[*].type")).containsExactly("ProjectSigned");
        assertThat(JsonPath.<String>read(history, "$.warnings[0].type")).isEqualTo("WarningRaised");
        assertThat(JsonPath.<String>read(history, "$.warnings[0].recordedBy")).isEqualTo("system");
        assertThat(JsonPath.<String>read(history, "$.warnings[0].line.zh"))
                .startsWith(today.minusDays(20) + " 黄色预警：签约后未落地");
        assertThat(JsonPath.<String>read(history, "$.warnings[0].line.en")).contains("yellow warning");

        CaughtUp.await(jdbc);
        String dashboard = page("/dashboard/data?zone=%s&year=%d"
                .formatted(zone, today.minusDays(200).getYear()));
        assertThat(JsonPath.<String>read(dashboard, "$.flagged[0].projectId")).isEqualTo(project);
        assertThat(JsonPath.<String>read(dashboard, "$.flagged[0].colour")).isEqualTo("YELLOW");
        assertThat(JsonPath.<Integer>read(dashboard, "$.flagged[0].daysOverdue"))
                .isEqualTo(20);
        assertThat(page("/projects/" + project + "/timeline"))
                .contains("黄色预警", "id=\"timeline-0\"", "id=\"timeline-warning-0\"");

        api.post("/api/projects/" + project + "/landing", "{\"landedOn\":\"%s\"}".formatted(today))
                .andExpect(status().isOk());

        await(
                "/api/reports/zones/" + zone + "/warnings",
                body -> JsonPath.<Integer>read(body, "$.projects.length()") == 0);
        String recovered = read("/api/projects/" + project + "/history");
        List<Map<String, Object>> lines = JsonPath.read(recovered, "$.warnings[*].line");
        assertThat(lines).hasSize(2);
        assertThat((String) lines.get(1).get("zh")).startsWith(today + " 解除黄色预警（签约后未落地）：已落地 — ");
    }

    /** What the pages show (the dashboard's data, the project page's history), read as leadership. */
    private String page(String path) throws Exception {
        return Html.page(mvc, path, user("inspector").roles("LEADERSHIP"));
    }

    @Test
    void a_zone_s_own_rules_flag_sooner_and_only_the_bureau_may_set_them() throws Exception {
        Api api = new Api(mvc);
        String zone = api.newZone("hengyang");
        String rules = "{\"notLandedYellowDays\":30,\"notLandedRedDays\":60,"
                + "\"notInProductionYellowDays\":300,\"notInProductionRedDays\":400}";
        api.perform(Api.as(
                        "leader",
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                        "/api/zones/" + zone + "/warning-rules")
                                .content(rules)))
                .andExpect(status().isForbidden());
        api.put("/api/zones/" + zone + "/warning-rules", rules).andExpect(status().isOk());
        api.put(
                        "/api/zones/" + zone + "/warning-rules",
                        rules.replace("\"notLandedRedDays\":60", "\"notLandedRedDays\":20"))
                .andExpect(status().isConflict());
        api.put("/api/zones/" + zone + "/warning-rules", "{\"notLandedYellowDays\":0}")
                .andExpect(status().isBadRequest());
        api.put("/api/zones/nowhere/warning-rules", rules).andExpect(status().isNotFound());

        String project = sign(api, zone, LocalDate.now(clock).minusDays(61));

        String warnings = await("/api/reports/zones/" + zone + "/warnings", body -> JsonPath.<List<String>>read(
                        body, "$.projects[*].colour")
                .contains("RED"));
        assertThat(JsonPath.<String>read(warnings, "$.projects[0].projectId")).isEqualTo(project);
        assertThat(JsonPath.<Integer>read(warnings, "$.projects[0].daysOverdue"))
                .isEqualTo(31);
        String history = read("/api/projects/" + project + "/history");
        assertThat(JsonPath.<List<String>>read(history, "$.warnings[*].payload.colour"))
                .containsExactly("YELLOW", "RED");

        String replay = api.perform(Api.as(
                        "auditor",
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/audit/replays")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Boolean>read(replay, "$.projectionsMatch"))
                .as("a rebuild writes the warnings the live events wrote: %s", replay)
                .isTrue();
        assertThat(JsonPath.<List<String>>read(read("/api/projects/" + project + "/history"), "$.warnings[*].type"))
                .as("a replay raises nothing again")
                .hasSize(2);
    }

    static String sign(Api api, String zone, LocalDate signedOn) throws Exception {
        String body = api.post(
                        "/api/projects",
                        Api.signing(zone).replace("\"signedOn\": \"2023-03-15\"", "\"signedOn\": \"" + signedOn + "\""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String read(String path) throws Exception {
        return new Api(mvc)
                .perform(Api.as(
                        Api.REVIEWER, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String await(String path, Predicate<String> done) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        String body = read(path);
        while (!done.test(body)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached in time: " + body);
            }
            Thread.sleep(100);
            body = read(path);
        }
        return body;
    }
}
