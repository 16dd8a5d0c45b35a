package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.Html;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Reading the log: the filter by zone and by every type, arrivals and their retractions linked, replays one at a time. */
@InMemoryTracker
class EventLogIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Replay replay;

    @Autowired
    ReplayRuns pageRuns;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void a_zone_filter_finds_everything_about_the_zone_and_its_projects_and_nothing_of_another_zone() throws Exception {
        String zone = api.newZone("log");
        String other = api.newZone("log");
        String project = api.newProject(zone);
        String elsewhere = api.newProject(other);
        for (String z : List.of(zone, other)) {
            api.put("/api/zones/" + z + "/targets/2023", "{\"foreignCapitalUsd\": 7500000}")
                    .andExpect(status().isOk());
        }
        api.put(
                        "/api/zones/" + zone + "/warning-rules",
                        "{\"notLandedYellowDays\": 100, \"notLandedRedDays\": 200, \"notInProductionYellowDays\": 300,"
                                + " \"notInProductionRedDays\": 400}")
                .andExpect(status().isOk());
        for (String p : List.of(project, elsewhere)) {
            arrive(p);
        }
        CaughtUp.await(jdbc);

        String log = auditor("/api/audit/events?limit=1000&aggregateId=" + zone);
        assertThat(JsonPath.<List<String>>read(log, "$.events[*].type"))
                .contains("ZoneRegistered", "AnnualTargetSet", "WarningRulesSet", "ProjectSigned", "CapitalArrived");
        assertThat(JsonPath.<List<String>>read(log, "$.events[*].aggregateId"))
                .contains(zone, zone + "/2023", project)
                .allMatch(id -> id.equals(zone) || id.startsWith(zone + "/") || id.startsWith(project));
        assertThat(JsonPath.<List<String>>read(log, "$.events[?(@.type == 'CapitalArrived')].aggregateId"))
                .containsExactly(project);

        String ofProject = auditor("/api/audit/events?limit=1000&aggregateId=" + project);
        assertThat(JsonPath.<List<String>>read(ofProject, "$.events[*].aggregateId"))
                .isNotEmpty()
                .allMatch(id -> id.equals(project) || id.equals(project + "/warning"));

        String page = auditor("/audit/events?size=500&aggregate=" + zone);
        assertThat(page).contains(project, zone + "/2023").doesNotContain(elsewhere, other + "/2023");
        assertThat(page)
                .as("a target's row links to everything about its zone, a warning's to its project")
                .contains("href=\"/audit/events?aggregate=" + zone + "\" title=\"" + zone + "/2023\"");
    }

    @Test
    void every_event_type_can_be_chosen_and_an_unknown_type_or_range_is_a_400() throws Exception {
        for (String type : EventLog.TYPES) {
            String log = auditor("/api/audit/events?limit=1000&type=" + type);
            assertThat(JsonPath.<List<String>>read(log, "$.events[*].type"))
                    .as(type)
                    .allMatch(type::equals);
            assertThat(auditor("/audit/events?type=" + type)).as(type).doesNotContain("??");
        }
        String page = auditor("/audit/events");
        assertThat(page).contains("value=\"WarningRaised\"", "履约预警", "value=\"SubmissionWarningRaised\"");

        for (String bad : List.of("type=WarningRaisedd", "from=2024-02-01&to=2024-01-01", "from=2024-13-01")) {
            api.perform(Api.as("auditor", get("/api/audit/events?" + bad)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void a_retraction_links_to_the_arrival_it_withdraws_and_the_arrival_to_its_retraction() throws Exception {
        String project = api.newProject(api.newZone("log"));
        String first = arrive(project);
        arrive(project);
        api.post("/api/projects/" + project + "/capital-arrivals/" + first + "/retraction", "{\"reason\": \"重复录入\"}")
                .andExpect(status().isOk());
        CaughtUp.await(jdbc);

        String history = api.get("/api/projects/" + project + "/history")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int arrival = JsonPath.<Integer>read(history, "$.events[1].position");
        int retraction = JsonPath.<Integer>read(history, "$.events[3].position");
        assertThat(JsonPath.<Integer>read(history, "$.events[1].retractedBy")).isEqualTo(retraction);
        assertThat(JsonPath.<Object>read(history, "$.events[2].retractedBy")).isNull();
        assertThat(JsonPath.<Integer>read(history, "$.events[3].retracts")).isEqualTo(arrival);
        String retracted = JsonPath.read(history, "$.events[3].line.zh");
        assertThat(retracted)
                .startsWith("撤销到位外资 100万美元（到位日期 2023-11-28，登记于 ")
                .contains("，位置 " + arrival + "，到位编号 " + first.substring(0, 8) + "）");
        assertThat(JsonPath.<String>read(history, "$.events[3].line.en"))
                .contains("arrived on 2023-11-28, recorded at ");
        assertThat(JsonPath.<String>read(history, "$.events[1].line.zh"))
                .contains("到位日期 2023-11-28")
                .contains("已于 ")
                .contains("撤销（位置 " + retraction + "）");
        assertThat(JsonPath.<String>read(history, "$.events[1].line.zh"))
                .as("two arrivals of the same day and amount read apart")
                .isNotEqualTo(JsonPath.<String>read(history, "$.events[2].line.zh"));

        assertThat(auditor("/audit/events/" + retraction))
                .contains("id=\"event-counterpart\" href=\"/audit/events/" + arrival + "\"");
        assertThat(auditor("/audit/events/" + arrival))
                .contains("id=\"event-counterpart\" href=\"/audit/events/" + retraction + "\"");
        assertThat(auditor("/audit/events?aggregate=" + project))
                .contains("href=\"/audit/events/" + arrival + "\">被撤销的到位登记：事件 #" + arrival);
        String timeline = mvc.perform(get("/projects/" + project + "/timeline")
                        .with(user(Api.BUREAU).roles("BUREAU")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(timeline).contains("href=\"#timeline-1\"", "href=\"#timeline-3\"", "撤销记录（位置 " + retraction + "）");
        assertThat(timeline).doesNotContain("href=\"/audit/events/");
        assertThat(auditor("/projects/" + project + "/timeline"))
                .as("an auditor also gets the event's detail")
                .contains("href=\"/audit/events/" + arrival + "\"", "href=\"/audit/events/" + retraction + "\"");
    }

    @Test
    void simultaneous_replays_are_told_that_a_replay_is_running_and_who_started_it() throws Exception {
        CaughtUp.await(jdbc);
        List<MockHttpServletResponse> refused = new ArrayList<>();
        AtomicBoolean once = new AtomicBoolean(true);
        AtomicReference<ReplayRuns.Status> fromThePage = new AtomicReference<>();
        Replay.Result result = replay.run("first-auditor", (done, total) -> {
            if (once.getAndSet(false)) {
                List<CompletableFuture<MockHttpServletResponse>> six = IntStream.range(0, 6)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> send(post("/api/audit/replays"))))
                        .toList();
                six.forEach(answer ->
                        refused.add(answer.orTimeout(30, TimeUnit.SECONDS).join()));
                fromThePage.set(startFromThePageAndWait());
            }
        });

        assertThat(result.projectionsMatch()).isTrue();
        assertThat(refused).hasSize(6);
        for (MockHttpServletResponse answer : refused) {
            assertThat(answer.getStatus()).isEqualTo(409);
            assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            String detail = JsonPath.read(answer.getContentAsString(StandardCharsets.UTF_8), "$.detail");
            assertThat(detail)
                    .contains("已有重建在进行中（由 first-auditor 于 ")
                    .contains("a replay is already running (started by first-auditor at ")
                    .doesNotContain("concurrent change");
        }
        assertThat(fromThePage.get().state())
                .as("the page's replay says it was not started, not that it failed")
                .isEqualTo(ReplayRuns.State.REFUSED);
        assertThat(auditor("/audit/replays/latest/panel")).contains("未开始：已有另一次重建在进行中", "first-auditor");
        assertThat(send(post("/api/audit/replays")).getStatus())
                .as("once it has ended the next one runs")
                .isEqualTo(200);
    }

    private ReplayRuns.Status startFromThePageAndWait() {
        try {
            mvc.perform(post("/audit/replays").with(csrf()).with(user("auditor").roles("AUDITOR")))
                    .andExpect(status().is3xxRedirection());
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                ReplayRuns.Status status = pageRuns.latest().orElseThrow();
                if (status.state() != ReplayRuns.State.RUNNING) {
                    return status;
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("the page's replay neither ran nor was refused");
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private String arrive(String project) throws Exception {
        return api.arrived(project, "2023-11-28", "FOREIGN", "1000000");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(Api.as("auditor", request)).andReturn().getResponse();
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The API by HTTP Basic, the pages in a signed-in session. */
    private String auditor(String path) throws Exception {
        MockHttpServletRequestBuilder request = path.startsWith("/api/")
                ? Api.as("auditor", get(path))
                : get(path).with(user("auditor").roles("AUDITOR"));
        return Html.page(mvc, request);
    }
}
