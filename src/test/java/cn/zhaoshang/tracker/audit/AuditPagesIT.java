package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.Html;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditor pages over HTTP: who may see them, the log and its filters, an event, verification, replay. */
@InMemoryTracker
class AuditPagesIT {

    private static final String TRIGGER = "CREATE TRIGGER domain_event_append_only BEFORE UPDATE, DELETE ON"
            + " DomainEventEntry FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger'";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    String project;
    long signing;
    long termination;

    @BeforeEach
    void aProjectSignedLandedAndTerminated() throws Exception {
        Api api = new Api(mvc);
        project = api.newProject(api.newZone("pages"));
        api.post("/api/projects/" + project + "/landing", "{\"landedOn\": \"2023-06-01\"}");
        api.post(
                        "/api/projects/" + project + "/termination",
                        "{\"terminatedOn\": \"2023-07-01\", \"reason\": \"投资方撤资\"}")
                .andExpect(status().isOk());
        termination = CaughtUp.await(jdbc);
        signing = termination - 2;
    }

    @Test
    void only_auditors_see_the_audit_pages_and_anonymous_readers_are_sent_to_the_login() throws Exception {
        for (String page : new String[] {
            "/audit/events",
            "/audit/events/" + signing,
            "/audit/verification",
            "/audit/then-and-now",
            "/audit/replays/latest"
        }) {
            mvc.perform(get(page).with(user("auditor").roles("AUDITOR"))).andExpect(status().isOk());
            mvc.perform(get(page).with(user("clerk").roles("BUREAU"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(user("leader").roles("LEADERSHIP"))).andExpect(status().isForbidden());
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        }
        for (String action : new String[] {"/audit/verification", "/audit/replays"}) {
            mvc.perform(post(action).with(csrf()).with(user("clerk").roles("BUREAU")))
                    .andExpect(status().isForbidden());
            mvc.perform(post(action).with(csrf()).with(user("leader").roles("LEADERSHIP")))
                    .andExpect(status().isForbidden());
            mvc.perform(post(action).with(user("auditor").roles("AUDITOR"))).andExpect(status().isForbidden());
        }
    }

    @Test
    void the_log_shows_who_recorded_what_when_in_chinese_with_a_link_to_each_event() throws Exception {
        String page = auditor(get("/audit/events").param("aggregate", project));

        assertThat(page).contains("id=\"event-" + signing + "\"", "id=\"event-" + termination + "\"");
        assertThat(page).contains("2023-07-01 终止", "原因：投资方撤资", "2023-06-01 落地（开工）", Api.BUREAU);
        assertThat(page).contains("href=\"/audit/events/" + termination + "\"");
        assertThat(page).contains("<td class=\"type\">终止</td>", "<td class=\"type\">落地</td>");
        assertThat(page).doesNotContain(">ProjectTerminated<", ">ProjectLanded<", "class=\"type\">Project");
        assertThat(page.split("投资方撤资", -1)).hasSize(2);
        assertThat(page).contains(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(auditor(get("/audit/events").param("aggregate", project).param("lang", "en")))
                .contains("2023-07-01 terminated", "reason: 投资方撤资", "<td class=\"type\">Termination</td>", "Event log");
    }

    @Test
    void every_row_names_its_project_or_zone_not_only_its_id() throws Exception {
        String zone = jdbc.sql("SELECT zone_id FROM project_summary WHERE project_id = ?")
                .param(project)
                .query(String.class)
                .single();
        String landing =
                auditor(get("/audit/events").param("aggregate", project).param("type", "ProjectLanded"));
        assertThat(landing).contains("title=\"" + project + "\">日本触媒新材料项目</a>").doesNotContain(">" + project + "</a>");
        assertThat(auditor(get("/audit/events").param("aggregate", zone).param("lang", "en")))
                .contains("title=\"" + zone + "\">测试开发区</a>", "<td class=\"type\">Zone registered</td>");
    }

    @Test
    void the_log_is_filtered_by_type_user_aggregate_and_recording_day() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String yesterday =
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();

        String terminations =
                auditor(get("/audit/events").param("aggregate", project).param("type", "ProjectTerminated"));
        assertThat(terminations).contains("id=\"event-" + termination + "\"").doesNotContain("id=\"event-" + signing);

        assertThat(auditor(get("/audit/events").param("aggregate", project).param("by", Api.BUREAU)))
                .contains("id=\"event-" + signing + "\"");
        assertThat(auditor(get("/audit/events").param("aggregate", project).param("by", "nobody")))
                .contains("id=\"log-empty\"")
                .doesNotContain("id=\"event-");

        assertThat(auditor(get("/audit/events")
                        .param("aggregate", project)
                        .param("from", today)
                        .param("to", today)))
                .contains("id=\"event-" + termination + "\"");
        assertThat(auditor(get("/audit/events").param("aggregate", project).param("to", yesterday)))
                .contains("id=\"log-empty\"");
    }

    @Test
    void bad_filters_are_a_message_on_the_page() throws Exception {
        String page = mvc.perform(get("/audit/events")
                        .param("from", "2024-13-01")
                        .param("type", "Nonsense")
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"log-errors\"", "日期格式应为", "未知的事件类型");
        mvc.perform(get("/audit/events")
                        .param("after", "-1")
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest());
        String tooLarge = mvc.perform(get("/audit/events")
                        .param("size", "501")
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooLarge).contains("每页条数应在 1 至 500 之间");
        mvc.perform(get("/audit/events/abc").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/audit/events/999999999").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_log_pages_forwards_and_backwards_by_position_keeping_the_filter() throws Exception {
        String first = auditor(get("/audit/events").param("aggregate", project).param("size", "2"));
        assertThat(first).contains("id=\"event-" + signing + "\"", "id=\"event-" + (signing + 1) + "\"");
        assertThat(first).doesNotContain("id=\"event-" + termination + "\"", "id=\"page-previous\"");
        String next = "/audit/events?aggregate=" + project + "&amp;size=2&amp;after=" + (signing + 1);
        assertThat(first).contains("id=\"page-next\"", next);

        String second = auditor(get("/audit/events")
                .param("aggregate", project)
                .param("size", "2")
                .param("after", String.valueOf(signing + 1)));
        assertThat(second).contains("id=\"event-" + termination + "\"").doesNotContain("id=\"page-next\"");
        assertThat(second).contains("id=\"page-previous\"", "before=" + termination);

        String back = auditor(get("/audit/events")
                .param("aggregate", project)
                .param("size", "2")
                .param("before", String.valueOf(termination)));
        assertThat(back).contains("id=\"event-" + signing + "\"", "id=\"event-" + (signing + 1) + "\"");
    }

    @Test
    void an_event_shows_its_payload_metadata_reason_and_chain_hash() throws Exception {
        String page = auditor(get("/audit/events/" + termination));

        assertThat(page).contains("事件 #" + termination, project);
        assertThat(page).contains("id=\"event-type\">终止<", "id=\"event-subject\"", ">日本触媒新材料项目</a>");
        assertThat(page).contains("id=\"event-ordinal\">（此编号下的第3个事件）<", "id=\"event-sequence\">2<");
        assertThat(page).contains("存储序号（sequenceNumber，从 0 起）", "存储的类型名（payloadType）");
        assertThat(page)
                .contains("cn.zhaoshang.tracker.project.api.ProjectTerminated")
                .doesNotContain("第 0 个", "该对象的第");
        assertThat(auditor(get("/audit/events/" + termination).param("lang", "en")))
                .contains("id=\"event-type\">Termination<", "(event no. 3 under this id)", "id=\"event-sequence\">2<");
        assertThat(page).contains("&quot;terminatedOn&quot; : &quot;2023-07-01&quot;");
        assertThat(page).contains("&quot;recordedBy&quot; : &quot;" + Api.BUREAU + "&quot;");
        assertThat(page).contains("id=\"event-reason\">投资方撤资<");
        String hash = jdbc.sql("SELECT hash FROM event_hash WHERE position = ?")
                .param(termination)
                .query(String.class)
                .single();
        assertThat(page).contains(hash);
    }

    @Test
    void the_verification_page_shows_the_head_and_says_the_history_is_intact() throws Exception {
        String page = auditor(get("/audit/verification"));
        assertThat(page).contains("id=\"head-hash\"", "id=\"verify\"", "id=\"replay\"");
        assertThat(page).doesNotContain("id=\"verification-status\"");

        String verified = auditor(post("/audit/verification").with(csrf()));
        assertThat(verified).contains("id=\"verification-status\"", "历史完整：已核验 ");
        assertThat(auditor(post("/audit/verification").param("lang", "en").with(csrf())))
                .contains("History intact");
    }

    @Test
    void a_changed_event_is_named_with_its_position_and_reason() throws Exception {
        byte[] original = jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(termination)
                .query(byte[].class)
                .single();
        String forged = new String(original, StandardCharsets.UTF_8).replace("投资方撤资", "经营调整");
        allowRewritingHistory();
        try {
            jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(forged.getBytes(StandardCharsets.UTF_8), termination)
                    .update();

            String page = auditor(post("/audit/verification").with(csrf()));

            assertThat(page).contains("id=\"verification-status\"", "alert error");
            assertThat(page).contains("历史已被改动：第一个不符的位置为 " + termination);
            assertThat(page).contains("位置 " + termination + " 的事件内容、元数据或顺序已被改动");
            assertThat(page).doesNotContain("完整");
            assertThat(auditor(post("/audit/verification").param("lang", "en").with(csrf())))
                    .contains("the event at position " + termination + " was changed or moved");
        } finally {
            jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(original, termination)
                    .update();
            forbidRewritingHistory();
        }
        assertThat(auditor(post("/audit/verification").with(csrf()))).contains("历史完整");
    }

    /** What a forger with the owner's rights would do first (H2: drop the append-only trigger). */
    void allowRewritingHistory() {
        jdbc.sql("DROP TRIGGER domain_event_append_only").update();
    }

    void forbidRewritingHistory() {
        jdbc.sql(TRIGGER).update();
    }

    @Test
    void a_replay_runs_in_the_background_one_at_a_time_and_shows_its_progress_then_its_result() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread command = new Thread(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("UPDATE append_lock SET appends = appends WHERE id = 1").update();
            locked.countDown();
            try {
                release.await(8, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        command.start();
        try {
            assertThat(locked.await(5, TimeUnit.SECONDS)).isTrue();
            mvc.perform(post("/audit/replays").with(csrf()).with(user("auditor").roles("AUDITOR")))
                    .andExpect(redirectedUrl("/audit/verification?replay=started"));

            String running = auditor(get("/audit/verification"));
            assertThat(running).contains("id=\"replay-progress\"", "data-state=\"RUNNING\"");
            assertThat(auditor(get("/audit/replays/latest"))).contains("\"state\":\"RUNNING\"");

            mvc.perform(post("/audit/replays").with(csrf()).with(user("auditor").roles("AUDITOR")))
                    .andExpect(redirectedUrl("/audit/verification?replay=running"));
            assertThat(auditor(get("/audit/verification?replay=running"))).contains("已有一次重建正在进行");
        } finally {
            release.countDown();
            command.join();
        }

        String status = awaitReplay();
        long total = jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        assertThat(JsonPath.<Integer>read(status, "$.done")).isEqualTo((int) total);
        assertThat(JsonPath.<String>read(status, "$.text")).isEqualTo("已处理 %d / 共 %d 个事件".formatted(total, total));

        String done = auditor(get("/audit/verification"));
        assertThat(done).contains("id=\"replay-result\"", "全部读模型一致", "id=\"model-report\"");
        assertThat(done)
                .contains("id=\"model-projectlist\"", "id=\"model-zone\"")
                .doesNotContain("replay-progress");
        assertThat(auditor(get("/audit/replays/latest/panel")))
                .contains("id=\"replay-result\"")
                .doesNotContain("<html");
    }

    @Test
    void the_project_timeline_is_a_fragment_for_every_role_in_the_reader_s_language() throws Exception {
        for (String role : new String[] {"BUREAU", "REVIEWER", "LEADERSHIP", "AUDITOR"}) {
            mvc.perform(get("/projects/" + project + "/timeline")
                            .with(user(role.equals("BUREAU") ? Api.BUREAU : Api.REVIEWER)
                                    .roles(role)))
                    .andExpect(status().isOk());
        }
        // a user no one registered reaches no zone, and so no project
        mvc.perform(get("/projects/" + project + "/timeline")
                        .with(user("someone").roles("AUDITOR")))
                .andExpect(status().isNotFound());
        String fragment = auditor(get("/projects/" + project + "/timeline"));
        assertThat(fragment)
                .startsWith("<ol class=\"timeline\" id=\"timeline\">")
                .doesNotContain("<html", "<header");
        assertThat(fragment.split("<li ", -1)).hasSize(4);
        assertThat(fragment).contains("签约：日本触媒新材料项目", "合同投资 15亿元", Api.BUREAU + " 登记", "原因：投资方撤资");
        assertThat(fragment.split("投资方撤资", -1)).as("the reason is said once").hasSize(2);
        String english = auditor(get("/projects/" + project + "/timeline").param("lang", "en"));
        assertThat(english)
                .contains("landed (construction started)", "recorded by " + Api.BUREAU, "reason: 投资方撤资")
                .contains("CNY 1.5 billion contracted")
                .doesNotContain("亿元", "1500000000");
        assertThat(english.split("投资方撤资", -1)).hasSize(2);

        mvc.perform(get("/projects/no-such-project/timeline")
                        .with(user("inspector").roles("LEADERSHIP")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + project + "/timeline"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    private String awaitReplay() throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            String status = auditor(get("/audit/replays/latest"));
            if (!status.contains("\"RUNNING\"")) {
                assertThat(status).contains("\"state\":\"DONE\"");
                return status;
            }
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String auditor(MockHttpServletRequestBuilder request) throws Exception {
        return Html.page(mvc, request.with(user("auditor").roles("AUDITOR")));
    }
}
