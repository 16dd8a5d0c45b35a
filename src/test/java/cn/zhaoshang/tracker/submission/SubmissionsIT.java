package cn.zhaoshang.tracker.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.InAFreshZone;
import cn.zhaoshang.tracker.InMemoryTracker;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningKind;
import com.jayway.jsonpath.JsonPath;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** governance.md §3 over HTTP: a month submitted, frozen, reviewed by someone else, restated, and its drift. */
@InMemoryTracker
class SubmissionsIT extends InAFreshZone {

    @Autowired
    CommandGateway commands;

    String project;

    @BeforeEach
    void aZoneWithAProject() throws Exception {
        project = api.newProject(zone);
        arrive("2023-05-10", 1000000);
        CaughtUp.await(jdbc);
    }

    private void arrive(String on, long usd) throws Exception {
        api.arrival(project, on, "FOREIGN", String.valueOf(usd)).andExpect(status().isCreated());
    }

    private ResultActions submit(String body) throws Exception {
        return api.post("/api/zones/" + zone + "/submissions", body);
    }

    private ResultActions as(String user, String path, String body) throws Exception {
        return mvc.perform(Api.as(user, MockMvcRequestBuilders.post(path).content(body)));
    }

    private String id(ResultActions answer) throws Exception {
        return JsonPath.read(answer.andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void a_month_is_submitted_frozen_and_accepted_by_another_user() throws Exception {
        String id = id(submit("{\"year\": 2023, \"month\": 6, \"note\": \"上半年\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/submissions/")))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.asOf").value("2023-06-30"))
                .andExpect(jsonPath("$.submittedBy").value(Api.BUREAU))
                .andExpect(jsonPath("$.figures.foreignCapitalArrivedUsd").value(1000000))
                .andExpect(jsonPath("$.figures.projectsSigned").value(1))
                .andExpect(jsonPath("$.drift", hasSize(0))));
        String positionHash = JsonPath.read(
                api.get("/api/submissions/" + id).andReturn().getResponse().getContentAsString(), "$.positionHash");
        long position = ((Number) JsonPath.read(
                        api.get("/api/submissions/" + id)
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.position"))
                .longValue();
        // an auditor regenerates the frozen figures from the history
        String then = api.get("/api/reports/zones/" + zone + "/years/2023?asOf=2023-06-30&atPosition=" + position)
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(then, "$.positionHash")).isEqualTo(positionHash);

        submit("{\"year\": 2023, \"month\": 6}").andExpect(status().isConflict());

        // its 月报 workbook: the same bytes at every download, even after more has been recorded
        byte[] workbook = api.get("/api/submissions/" + id + "/workbook.xlsx")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        arrive("2023-06-25", 2000);
        CaughtUp.await(jdbc);
        assertThat(api.get("/api/submissions/" + id + "/workbook.xlsx")
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .isEqualTo(workbook);

        as(Api.REVIEWER, "/api/submissions/" + id + "/acceptance", "{\"opinion\": \"数据属实\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.reviews[0].decision").value("ACCEPTED"))
                .andExpect(jsonPath("$.reviews[0].opinion").value("数据属实"))
                .andExpect(jsonPath("$.reviews[0].by").value(Api.REVIEWER));
        as(Api.REVIEWER, "/api/submissions/" + id + "/acceptance", "{}").andExpect(status().isConflict());
    }

    @Test
    void figures_changed_since_show_as_drift_and_a_restatement_supersedes_the_accepted_month() throws Exception {
        String first = id(submit("{\"year\": 2023, \"month\": 6}").andExpect(status().isCreated()));
        as(Api.REVIEWER, "/api/submissions/" + first + "/acceptance", "{}").andExpect(status().isOk());

        arrive("2023-06-20", 500000);
        CaughtUp.await(jdbc);
        String drifted =
                api.get("/api/submissions/" + first).andReturn().getResponse().getContentAsString();
        assertThat(amount(drifted, "$.figures.foreignCapitalArrivedUsd")).isEqualByComparingTo("1000000");
        assertThat(amount(drifted, "$.drift[?(@.field == 'foreignCapitalArrivedUsd')].submitted"))
                .isEqualByComparingTo("1000000");
        assertThat(amount(drifted, "$.drift[?(@.field == 'foreignCapitalArrivedUsd')].now"))
                .isEqualByComparingTo("1500000");
        // the drift names the event that caused it: the arrival, the project's last event
        long arrival = jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(project)
                .query(Long.class)
                .single();
        assertThat(JsonPath.<java.util.List<Object>>read(
                        drifted, "$.drift[?(@.field == 'foreignCapitalArrivedUsd')].events[*]"))
                .extracting(position -> ((Number) position).longValue())
                .containsExactly(arrival);
        assertThat(JsonPath.<java.util.List<Object>>read(drifted, "$.drift[?(@.field == 'projectsSigned')]"))
                .isEmpty();

        submit("{\"year\": 2023, \"month\": 6}").andExpect(status().isConflict());
        String second = id(submit("{\"year\": 2023, \"month\": 6, \"restatement\": {\"reason\": \"补录6月到位外资\"}}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.restatementOf").value(first))
                .andExpect(jsonPath("$.figures.foreignCapitalArrivedUsd").value(1500000)));
        as(Api.REVIEWER, "/api/submissions/" + second + "/acceptance", "{}").andExpect(status().isOk());

        api.get("/api/submissions/" + first).andExpect(jsonPath("$.status").value("SUPERSEDED"));
        api.get("/api/zones/" + zone + "/submissions?year=2023")
                .andExpect(jsonPath("$[0].id").value(second))
                .andExpect(jsonPath("$[1].id").value(first));

        // the submissions are a read model like the others: rebuilt from the history, they are the same
        CaughtUp.await(jdbc);
        mvc.perform(Api.as("auditor", MockMvcRequestBuilders.post("/api/audit/replays")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.projectionsMatch").value(true));
    }

    /** The one amount at {@code path} (a filter gives a list of one), exactly as written. */
    private static java.math.BigDecimal amount(String json, String path) {
        Object found = JsonPath.read(json, path);
        Object value = found instanceof java.util.List<?> list ? list.get(0) : found;
        return new java.math.BigDecimal(value.toString());
    }

    @Test
    void the_city_board_says_where_each_zone_stands_and_what_is_overdue() throws Exception {
        String id = id(submit("{\"year\": 2023, \"month\": 11}").andExpect(status().isCreated()));
        String line = "$.zones[?(@.zoneId == '" + zone + "')]";
        api.get("/api/reports/cities/hengyang/submissions?year=2023&month=11")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueOn").value("2023-12-10"))
                .andExpect(jsonPath(line + ".status").value(org.hamcrest.Matchers.hasItem("OVERDUE")));
        as(Api.REVIEWER, "/api/submissions/" + id + "/acceptance", "{}").andExpect(status().isOk());
        String board = api.get("/api/reports/cities/hengyang/submissions?year=2023&month=11")
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(board, line + ".status"))
                .containsExactly("ACCEPTED");
        assertThat(amount(board, line + ".foreignCapitalArrivedUsd")).isEqualByComparingTo("1000000");

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        api.get("/api/reports/cities/hengyang/submissions?year=%d&month=%d"
                        .formatted(today.getYear(), today.getMonthValue()))
                .andExpect(jsonPath(line + ".status").value(org.hamcrest.Matchers.hasItem("NOT_SUBMITTED")));
        api.get("/api/reports/cities/nowhere/submissions?year=2023&month=11").andExpect(status().isNotFound());
    }

    @Test
    void city_and_province_reports_on_accepted_figures_count_each_zone_as_it_was_accepted() throws Exception {
        String id = id(submit("{\"year\": 2023, \"month\": 10}").andExpect(status().isCreated()));
        String line = "$.zones[?(@.zoneId == '" + zone + "')]";
        String before = api.get("/api/reports/cities/hengyang/years/2023?basis=accepted&month=10")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.basis").value("accepted"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(before, "$.missing")).contains(zone);

        as(Api.REVIEWER, "/api/submissions/" + id + "/acceptance", "{}").andExpect(status().isOk());
        arrive("2023-10-20", 700000); // live only: the accepted month keeps what was reported
        CaughtUp.await(jdbc);
        for (String report : new String[] {
            "/api/reports/cities/hengyang/years/2023?basis=accepted&month=10",
            "/api/reports/provinces/hunan/years/2023?basis=accepted&month=10"
        }) {
            String official = api.get(report)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<java.util.List<String>>read(official, "$.missing"))
                    .doesNotContain(zone);
            assertThat(amount(official, line + ".foreignCapitalArrivedUsd")).isEqualByComparingTo("1000000");
        }
        String live = api.get("/api/reports/cities/hengyang/years/2023")
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(amount(live, line + ".foreignCapitalArrivedUsd")).isEqualByComparingTo("1700000");

        api.get("/api/reports/cities/hengyang/years/2023?basis=accepted").andExpect(status().isBadRequest());
        api.get("/api/reports/cities/hengyang/years/2023?basis=official&month=10")
                .andExpect(status().isBadRequest());
    }

    @Test
    void a_return_needs_an_opinion_and_the_month_may_be_submitted_again() throws Exception {
        String id = id(submit("{\"year\": 2023, \"month\": 7}").andExpect(status().isCreated()));
        as(Api.REVIEWER, "/api/submissions/" + id + "/return", "{}").andExpect(status().isBadRequest());
        as(Api.REVIEWER, "/api/submissions/" + id + "/return", "{\"opinion\": \"外资到位凭证不全\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"));
        submit("{\"year\": 2023, \"month\": 7}").andExpect(status().isCreated());
    }

    @Test
    void a_zone_months_warning_is_listed_for_its_scope_and_gone_when_cleared() throws Exception {
        java.time.YearMonth month = java.time.YearMonth.of(2023, 12);
        commands.sendAndWait(new SubmissionWarningCommands.RaiseSubmissionWarning(
                zone,
                month,
                SubmissionWarningKind.MONTH_OVERDUE,
                null,
                java.time.LocalDate.of(2024, 1, 10),
                java.time.LocalDate.of(2024, 1, 11)));
        String warning = "$[?(@.zoneId == '" + zone + "')]";
        api.get("/api/submission-warnings?zone=" + zone)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].kind").value("MONTH_OVERDUE"))
                .andExpect(jsonPath("$[0].forReviewer").value(false))
                .andExpect(jsonPath("$[0].dueOn").value("2024-01-10"));
        mvc.perform(Api.as(Api.REVIEWER, MockMvcRequestBuilders.get("/api/submission-warnings")))
                .andExpect(status().isOk())
                .andExpect(jsonPath(warning + ".month").value(12));
        // a reader of another province sees none of it
        api.newZone("c-" + zone, "guangdong");
        api.inProvince("guangdong")
                .get("/api/submission-warnings")
                .andExpect(status().isOk())
                .andExpect(jsonPath(warning, hasSize(0)));
        api.get("/api/submission-warnings?zone=no-such-zone").andExpect(status().isNotFound());

        // the bureau's page says which months it owes; the reviewer's inbox which submissions wait too long
        String waitingId = id(submit("{\"year\": 2023, \"month\": 11}").andExpect(status().isCreated()));
        commands.sendAndWait(new SubmissionWarningCommands.RaiseSubmissionWarning(
                zone,
                java.time.YearMonth.of(2023, 11),
                SubmissionWarningKind.REVIEW_WAITING,
                waitingId,
                java.time.LocalDate.of(2023, 12, 7),
                java.time.LocalDate.of(2023, 12, 8)));
        assertThat(page("clerk", "BUREAU", "/zones/" + zone + "/submissions"))
                .contains("id=\"months-owed\"")
                .contains("id=\"owed-2023-12\"")
                .contains("月报逾期未报送")
                .contains("期限 2024-01-10")
                .doesNotContain("id=\"owed-2023-11\"");
        assertThat(page("inspector", "REVIEWER", "/reviews"))
                .contains("id=\"overdue-reviews\"")
                .contains("id=\"overdue-" + waitingId + "\"")
                .contains("期限 2023-12-07");

        commands.sendAndWait(
                new SubmissionWarningCommands.ClearSubmissionWarning(zone, month, java.time.LocalDate.of(2024, 1, 12)));
        commands.sendAndWait(new SubmissionWarningCommands.ClearSubmissionWarning(
                zone, java.time.YearMonth.of(2023, 11), java.time.LocalDate.of(2024, 1, 12)));
        api.get("/api/submission-warnings?zone=" + zone).andExpect(jsonPath("$", hasSize(0)));
        assertThat(page("clerk", "BUREAU", "/zones/" + zone + "/submissions")).doesNotContain("id=\"months-owed\"");
    }

    @Test
    void the_zones_warning_saga_is_stored_and_follows_its_submissions() throws Exception {
        String id = id(submit("{\"year\": 2023, \"month\": 10}").andExpect(status().isCreated()));
        awaitSaga(state -> state.contains("\"2023-10\"") && state.contains("SUBMITTED"));
        as(Api.REVIEWER, "/api/submissions/" + id + "/acceptance", "{}").andExpect(status().isOk());
        // accepted before the zone was registered, nothing raised: the month is settled and no longer watched
        awaitSaga(state -> !state.contains("\"2023-10\""));
    }

    private String page(String user, String role, String path) throws Exception {
        org.springframework.mock.web.MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.get(path)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(user)
                                        .roles(role)))
                .andReturn()
                .getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    /** Waits until the zone's warning saga, as stored, satisfies {@code test}. */
    private void awaitSaga(java.util.function.Predicate<String> test) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        String state = null;
        while (System.currentTimeMillis() < deadline) {
            state = jdbc.sql(
                            """
                    SELECT s.serializedSaga FROM SagaEntry s JOIN AssociationValueEntry a ON a.sagaId = s.sagaId
                    WHERE a.associationKey = 'zoneId' AND a.associationValue = ? AND s.sagaType LIKE ?""")
                    .params(zone, "%SubmissionWarningSaga")
                    .query((row, n) -> new String(row.getBytes(1), java.nio.charset.StandardCharsets.UTF_8))
                    .optional()
                    .orElse(null);
            if (state != null && test.test(state)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the zone's warning saga did not get there; stored: " + state);
    }

    @Test
    void what_the_contract_refuses() throws Exception {
        submit("{\"year\": 2099, \"month\": 1}").andExpect(status().isConflict());
        submit("{\"year\": 2023, \"month\": 13}").andExpect(status().isBadRequest());
        String id = id(submit("{\"year\": 2023, \"month\": 8}").andExpect(status().isCreated()));
        // four eyes: a user who submitted may not review, even with the reviewer's role
        String both = "both-" + zone;
        mvc.perform(Api.as(
                        Api.ADMIN,
                        MockMvcRequestBuilders.post("/api/users")
                                .content(("{\"username\": \"%s\", \"displayName\": \"两个角色\", \"password\": \"%s-demo\","
                                                + " \"roles\": [\"BUREAU\", \"REVIEWER\"], \"scope\": {\"level\": \"PROVINCE\", \"id\": \"hunan\"}}")
                                        .formatted(both, both))))
                .andExpect(status().isCreated());
        String own = id(as(both, "/api/zones/" + zone + "/submissions", "{\"year\": 2023, \"month\": 9}")
                .andExpect(status().isCreated()));
        as(both, "/api/submissions/" + own + "/acceptance", "{}").andExpect(status().isForbidden());
        // the bureau may not review, the reviewer may not submit
        as(Api.BUREAU, "/api/submissions/" + id + "/acceptance", "{}").andExpect(status().isForbidden());
        as(Api.REVIEWER, "/api/zones/" + zone + "/submissions", "{\"year\": 2023, \"month\": 10}")
                .andExpect(status().isForbidden());
        // outside the scope a submission does not exist
        mvc.perform(Api.as("bureau", MockMvcRequestBuilders.get("/api/submissions/" + id)))
                .andExpect(status().isNotFound());
        api.get("/api/submissions/no-such-submission").andExpect(status().isNotFound());
    }
}
