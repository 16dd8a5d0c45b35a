package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.InAFreshZone;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The auditors' endpoints: the global log, the export and its offline check, append-only tables, reproducible reports. */
@InMemoryTracker
class AuditIT extends InAFreshZone {

    @Autowired
    Replay replay;

    AuditIT() {
        super("audit-" + System.nanoTime() % 100000);
    }

    @Test
    void the_global_log_pages_through_every_event_with_who_when_why_and_hash() throws Exception {
        String project = api.newProject(zone);
        api.post("/api/projects/" + project + "/termination", "{\"terminatedOn\": \"2023-05-01\", \"reason\": \"撤资\"}")
                .andExpect(status().isOk());
        long head = chained();

        String first = auditor("/api/audit/events?after=0&limit=2");
        assertThat(JsonPath.<List<Object>>read(first, "$.events")).hasSize(2);
        assertThat(JsonPath.<Integer>read(first, "$.next"))
                .isEqualTo(JsonPath.<Integer>read(first, "$.events[1].position"));

        String last = auditor("/api/audit/events?after=" + (head - 2) + "&limit=1000");
        assertThat(JsonPath.<Object>read(last, "$.next")).isNull();
        assertThat(JsonPath.<String>read(last, "$.events[-1].type")).isEqualTo("ProjectTerminated");
        assertThat(JsonPath.<String>read(last, "$.events[-1].aggregateId")).isEqualTo(project);
        assertThat(JsonPath.<String>read(last, "$.events[-1].recordedBy")).isEqualTo(Api.BUREAU);
        assertThat(JsonPath.<String>read(last, "$.events[-1].reason")).isEqualTo("撤资");
        assertThat(JsonPath.<String>read(last, "$.events[-1].payload.terminatedOn"))
                .isEqualTo("2023-05-01");
        assertThat(JsonPath.<String>read(last, "$.events[-1].hash")).hasSize(64);
        assertThat(JsonPath.<String>read(last, "$.events[-1].recordedAt")).endsWith("Z");

        api.perform(Api.as("auditor", MockMvcRequestBuilders.get("/api/audit/events?limit=1001")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_export_verifies_offline_to_the_head_hash_of_the_verification(@TempDir Path dir) throws Exception {
        api.newProject(zone);
        chained();
        MvcResult started = api.perform(Api.as("auditor", MockMvcRequestBuilders.get("/api/audit/export")))
                .andExpect(request().asyncStarted())
                .andReturn();
        String export = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String verification = auditor("/api/audit/verification");
        assertThat(JsonPath.<Boolean>read(verification, "$.valid")).isTrue();
        Path file = dir.resolve("export.ndjson");
        Files.writeString(file, export, StandardCharsets.UTF_8);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = VerifyExport.run(
                new String[] {file.toString()}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("OK " + (export.lines().count() - 1) + " events")
                .contains(JsonPath.<String>read(verification, "$.headHash"));

        // with the published keys, every checkpoint the export carries is checked too
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, auditor("/api/audit/keys"), StandardCharsets.UTF_8);
        printed.reset();
        assertThat(VerifyExport.run(
                        new String[] {file.toString(), "--keys", keys.toString()},
                        new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("[1-9]\\d* checkpoint signatures valid");
        // a report stands on a signed checkpoint: its stamp checks against the export
        Path report = dir.resolve("report.json");
        Files.writeString(report, auditor("/api/reports/zones/" + zone + "/years/2023"), StandardCharsets.UTF_8);
        printed.reset();
        assertThat(VerifyExport.run(
                        new String[] {file.toString(), "--keys", keys.toString(), "--stamp", report.toString()},
                        new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .as(printed.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("STAMP OK");
        String forgedStamp = Files.readString(report)
                .replace(JsonPath.<String>read(Files.readString(report), "$.positionHash"), "0".repeat(64));
        Files.writeString(report, forgedStamp, StandardCharsets.UTF_8);
        printed.reset();
        assertThat(VerifyExport.run(
                        new String[] {file.toString(), "--keys", keys.toString(), "--stamp", report.toString()},
                        new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("STAMP BROKEN");

        String signature = JsonPath.<List<String>>read(
                        "[" + String.join(",", export.lines().toList()) + "]",
                        "$[?(@.checkpoint)].checkpoint.signature")
                .get(0);
        Files.writeString(
                file,
                export.replace(signature, new StringBuilder(signature).reverse().toString()),
                StandardCharsets.UTF_8);
        printed.reset();
        assertThat(VerifyExport.run(
                        new String[] {file.toString(), "--keys", keys.toString()},
                        new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("invalid signature");
        // a key that is not the one in use is trusted by nobody
        assertThat(VerifyExport.run(
                        new String[] {file.toString(), "--keys", keys.toString(), "--trust", "0000000000000000"},
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(1);

        String tampered = export.replaceFirst("\"sequence\":0", "\"sequence\":1");
        assertThat(tampered).isNotEqualTo(export);
        Files.writeString(file, tampered, StandardCharsets.UTF_8);
        assertThat(VerifyExport.run(
                        new String[] {file.toString()},
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
    }

    @Test
    void history_tables_refuse_update_and_delete() {
        for (String statement : new String[] {
            "UPDATE DomainEventEntry SET payloadRevision = '2'",
            "DELETE FROM DomainEventEntry",
            "UPDATE event_hash SET hash = REPEAT('0', 64)",
            "DELETE FROM event_hash",
            "DELETE FROM idempotency_key"
        }) {
            long events = jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                    .query(Long.class)
                    .single();
            if (statement.contains("idempotency")
                    && jdbc.sql("SELECT COUNT(*) FROM idempotency_key")
                                    .query(Long.class)
                                    .single()
                            == 0) {
                jdbc.sql("INSERT INTO idempotency_key (idem_key, request_hash, status, recorded_by, recorded_at)"
                                + " VALUES ('k-audit', 'x', 200, 'bureau', CURRENT_TIMESTAMP)")
                        .update();
            }
            assertThatThrownBy(() -> jdbc.sql(statement).update())
                    .as(statement)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("append-only");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                            .query(Long.class)
                            .single())
                    .isEqualTo(events);
        }
    }

    @Test
    void a_report_asked_again_at_its_position_is_identical_byte_for_byte() throws Exception {
        String project = api.newProject(zone);
        api.arrival(project, "2023-07-01", "FOREIGN", "1000000").andExpect(status().isCreated());
        chained();
        String path = "/api/reports/zones/" + zone + "/years/2023?asOf=2023-12-31";
        String sent = leader(path);
        long position = JsonPath.<Number>read(sent, "$.position").longValue();
        assertThat(JsonPath.<String>read(sent, "$.positionHash")).hasSize(64);

        api.post(
                        "/api/projects/" + project + "/signing-correction",
                        "{\"contractInvestmentCny\": 1000000000, \"reason\": \"录入错误\"}")
                .andExpect(status().isOk());
        api.arrival(project, "2023-08-01", "FOREIGN", "500000").andExpect(status().isCreated());
        api.newProject(zone);
        chained();
        assertThat(leader(path)).isNotEqualTo(sent);

        assertThat(leader(path + "&atPosition=" + position)).isEqualTo(sent);
    }

    @Test
    void a_replay_rebuilds_every_read_model_and_notices_one_that_had_drifted() throws Exception {
        String project = api.newProject(zone);
        api.arrival(project, "2023-07-01", "FOREIGN", "1000000").andExpect(status().isCreated());
        chained();
        long events = jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();

        String clean = replay();
        assertThat(JsonPath.<Boolean>read(clean, "$.projectionsMatch")).isTrue();
        assertThat(JsonPath.<Number>read(clean, "$.eventsReplayed").longValue()).isEqualTo(events);
        assertThat(JsonPath.<List<String>>read(clean, "$.projections[*].name"))
                .containsExactlyInAnyOrder(
                        "access",
                        "arrivals",
                        "project-evidence",
                        "projectlist",
                        "report",
                        "submission",
                        "submission-warning",
                        "warning",
                        "zone");

        jdbc.sql("UPDATE project_summary SET foreign_capital_arrived_usd = 999 WHERE project_id = ?")
                .param(project)
                .update();
        String drifted = replay();
        assertThat(JsonPath.<Boolean>read(drifted, "$.projectionsMatch")).isFalse();
        assertThat(JsonPath.<List<Boolean>>read(drifted, "$.projections[?(@.name == 'projectlist')].match"))
                .containsExactly(false);
        api.get("/api/projects/" + project).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT foreign_capital_arrived_usd FROM project_summary WHERE project_id = ?")
                        .param(project)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("1000000");
        assertThat(JsonPath.<Boolean>read(replay(), "$.projectionsMatch"))
                .as("the repaired tables equal the next rebuild")
                .isTrue();

        api.perform(Api.as("bureau", MockMvcRequestBuilders.post("/api/audit/replays")))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_report_read_from_drifted_rows_is_forgotten_when_the_replay_repairs_them() throws Exception {
        api.newProject(zone);
        chained();
        jdbc.sql("UPDATE report_fact SET amount = 1 WHERE zone_id = ? AND kind = 'SIGNING'")
                .param(zone)
                .update();
        String path = "/api/reports/zones/" + zone + "/years/2023?asOf=2023-12-31";
        assertThat(JsonPath.<Number>read(leader(path), "$.contractInvestmentCny")
                        .longValue())
                .isEqualTo(1);

        assertThat(JsonPath.<List<Boolean>>read(replay(), "$.projections[?(@.name == 'report')].match"))
                .containsExactly(false);
        assertThat(JsonPath.<Number>read(leader(path), "$.contractInvestmentCny")
                        .longValue())
                .isEqualTo(1_500_000_000L);
    }

    @Test
    void commands_are_stored_while_a_replay_rebuilds_and_a_second_replay_is_refused_meanwhile() throws Exception {
        String project = api.newProject(zone);
        chained();
        AtomicInteger arrival = new AtomicInteger();
        AtomicInteger secondReplay = new AtomicInteger();
        AtomicBoolean first = new AtomicBoolean(true);
        Replay.Result result = replay.run((done, total) -> {
            if (first.getAndSet(false)) {
                // other threads, as other users: the rebuild holds no lock that a command needs
                arrival.set(elsewhere(() ->
                        api.arrival(project, "2023-07-02", "FOREIGN", "500").andReturn()));
                secondReplay.set(elsewhere(
                        () -> api.perform(Api.as("auditor", MockMvcRequestBuilders.post("/api/audit/replays")))
                                .andReturn()));
            }
        });

        assertThat(arrival.get()).isEqualTo(201);
        assertThat(secondReplay.get()).isEqualTo(409);
        assertThat(result.projectionsMatch()).isTrue();
        assertThat(result.eventsReplayed())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                        .query(Long.class)
                        .single());
    }

    /** The status of a request sent on another thread, waited for. */
    private static int elsewhere(Callable<MvcResult> request) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                        try {
                            return request.call().getResponse().getStatus();
                        } catch (Exception failed) {
                            throw new IllegalStateException(failed);
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("the request did not finish during the replay", failed);
        }
    }

    private String replay() throws Exception {
        return api.perform(Api.as("auditor", MockMvcRequestBuilders.post("/api/audit/replays")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long chained() throws InterruptedException {
        return CaughtUp.await(jdbc);
    }

    private String auditor(String path) throws Exception {
        return as("auditor", path);
    }

    private String leader(String path) throws Exception {
        return as(Api.REVIEWER, path);
    }

    private String as(String user, String path) throws Exception {
        return api.perform(Api.as(user, MockMvcRequestBuilders.get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
