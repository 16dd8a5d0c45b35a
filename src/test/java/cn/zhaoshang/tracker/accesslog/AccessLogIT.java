package cn.zhaoshang.tracker.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.Html;
import cn.zhaoshang.tracker.InAFreshZone;
import cn.zhaoshang.tracker.InMemoryTracker;
import cn.zhaoshang.tracker.shared.AccessRecords;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who read what: each read lands in the access log with who, what and where, and only auditors read it back. */
@InMemoryTracker
class AccessLogIT extends InAFreshZone {

    /** An address of these tests' own, so that the failed sign-ins spend no other test's login allowance. */
    private static final String ADDRESS = "10.0.29.1";

    AccessLogIT() {
        super("access");
    }

    @Test
    void a_form_sign_in_and_a_failed_one_are_on_the_record() throws Exception {
        String stranger = "nobody-" + System.nanoTime();
        mvc.perform(from(post("/login")
                        .param("username", "auditor")
                        .param("password", "auditor-demo")
                        .with(csrf())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(from(post("/login")
                        .param("username", stranger)
                        .param("password", "wrong-password")
                        .with(csrf())))
                .andExpect(status().is3xxRedirection());

        Map<String, Object> signedIn = last("kind=SIGNED_IN&user=auditor");
        assertThat(signedIn.get("parameters")).isEqualTo("address=" + ADDRESS);
        assertThat(signedIn.get("outcome")).isEqualTo("OK");
        Map<String, Object> failed = last("kind=SIGN_IN_FAILED&user=" + stranger);
        assertThat(failed.get("username")).isEqualTo(stranger);
        assertThat(failed.get("outcome")).isEqualTo("BadCredentials");
        assertThat((String) failed.get("node")).isNotBlank();
    }

    @Test
    void a_basic_client_is_signed_in_once_not_at_every_request() throws Exception {
        auditor("/api/audit/access?limit=1");
        long before = count("SIGNED_IN", "auditor");
        for (int call = 0; call < 5; call++) {
            auditor("/api/audit/access?limit=1");
        }
        assertThat(count("SIGNED_IN", "auditor")).isEqualTo(before);
    }

    @Test
    void a_monthly_report_download_is_registered_with_the_hash_of_the_bytes_sent() throws Exception {
        api.newProject(zone);
        CaughtUp.await(jdbc);
        byte[] workbook = mvc.perform(Api.as("clerk", get("/api/reports/zones/" + zone + "/years/2023/workbook.xlsx")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long head = head();

        String register = auditor("/api/audit/workbooks?zone=" + zone);
        List<Map<String, Object>> records = JsonPath.read(register, "$.records");
        assertThat(records).hasSize(1);
        Map<String, Object> download = records.get(0);
        assertThat(download.get("kind")).isEqualTo("WORKBOOK_DOWNLOADED");
        assertThat(download.get("username")).isEqualTo("clerk");
        assertThat(download.get("zoneId")).isEqualTo(zone);
        assertThat(download.get("period")).isEqualTo("2023-01..2023-12");
        assertThat(((Number) download.get("position")).longValue()).isEqualTo(head);
        assertThat(download.get("contentHash")).isEqualTo(AccessRecords.sha256(workbook));
        assertThat((String) download.get("recordedAt")).endsWith("Z");
        assertThat(last("kind=WORKBOOK_DOWNLOADED&zone=" + zone)).isEqualTo(download);
    }

    @Test
    void the_dashboard_s_workbook_is_registered_too() throws Exception {
        CaughtUp.await(jdbc);
        byte[] workbook = mvc.perform(get("/dashboard/workbook.xlsx?zone=" + zone + "&year=2023&asOf=2023-06-30")
                        .with(user("clerk").roles("BUREAU")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        Map<String, Object> download = last("kind=WORKBOOK_DOWNLOADED&zone=" + zone);
        assertThat(download.get("period")).isEqualTo("2023-01..2023-06");
        assertThat(download.get("contentHash")).isEqualTo(AccessRecords.sha256(workbook));
        assertThat(download.get("parameters")).isEqualTo("year=2023, asOf=2023-06-30");

        String register = mvc.perform(get("/audit/access?kind=WORKBOOK_DOWNLOADED&zone=" + zone)
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(register)
                .contains("月报登记簿")
                .contains(AccessRecords.sha256(workbook))
                .contains("2023-01..2023-06")
                .contains("clerk");
    }

    @Test
    void the_page_shows_the_newest_first_and_pages_to_older_ones() throws Exception {
        for (int verification = 0; verification < AccessLogPage.PAGE_SIZE + 1; verification++) {
            auditor("/api/audit/verification");
        }
        String newest = page("/audit/access?kind=VERIFIED");
        List<Long> ids = ids(newest);
        assertThat(ids).hasSize(AccessLogPage.PAGE_SIZE).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(newest).contains("id=\"page-older\"");
        String older = page("/audit/access?kind=VERIFIED&before=" + ids.get(ids.size() - 1));
        assertThat(ids(older)).isNotEmpty().allMatch(id -> id < ids.get(ids.size() - 1));
    }

    @Test
    void an_export_a_verification_and_a_replay_are_on_the_record_at_their_position() throws Exception {
        api.newProject(zone);
        MvcResult started = mvc.perform(Api.as("auditor", get("/api/audit/export")))
                .andExpect(request().asyncStarted())
                .andReturn();
        long head = head();
        String export = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String[] lines = export.split("\n");
        long trailerHead = ((Number) JsonPath.read(lines[lines.length - 1], "$.trailer.headPosition")).longValue();

        Map<String, Object> exported = last("kind=EXPORTED&user=auditor");
        assertThat(((Number) exported.get("position")).longValue()).isEqualTo(head);
        assertThat(trailerHead).isLessThanOrEqualTo(head);
        assertThat(exported.get("contentHash")).isEqualTo(hashAt(head));
        assertThat((String) exported.get("parameters")).startsWith("events.ndjson: ");

        String verification = auditor("/api/audit/verification");
        Map<String, Object> verified = last("kind=VERIFIED&user=auditor");
        assertThat(((Number) verified.get("position")).longValue())
                .isEqualTo(((Number) JsonPath.read(verification, "$.headPosition")).longValue());
        assertThat(verified.get("contentHash")).isEqualTo(JsonPath.read(verification, "$.headHash"));
        assertThat((String) verified.get("outcome")).startsWith("VALID: ");

        mvc.perform(Api.as("auditor", post("/api/audit/replays"))).andExpect(status().isOk());
        Map<String, Object> replayed = last("kind=REPLAYED&user=auditor");
        assertThat((String) replayed.get("outcome")).startsWith("MATCH: ");
        assertThat(((Number) replayed.get("position")).longValue()).isEqualTo(head());
    }

    @Test
    void the_verification_page_and_the_ledger_export_are_on_the_record() throws Exception {
        mvc.perform(post("/audit/verification")
                        .with(csrf())
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk());
        assertThat((String) last("kind=VERIFIED&user=auditor").get("outcome")).startsWith("VALID: ");

        api.newProject(zone);
        CaughtUp.await(jdbc);
        byte[] ledger = mvc.perform(Api.as("clerk", get("/api/projects/export.xlsx?zoneId=" + zone)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Map<String, Object> exported = last("kind=EXPORTED&zone=" + zone);
        assertThat(exported.get("username")).isEqualTo("clerk");
        assertThat(exported.get("contentHash")).isEqualTo(AccessRecords.sha256(ledger));
        assertThat((String) exported.get("parameters")).startsWith("ledger.xlsx: zoneId=" + zone);
    }

    @Test
    void a_workbook_that_cannot_be_registered_is_not_sent() throws Exception {
        CaughtUp.await(jdbc);
        jdbc.sql("ALTER TABLE access_record RENAME TO access_record_away").update();
        try {
            mvc.perform(Api.as("clerk", get("/api/reports/zones/" + zone + "/years/2023/workbook.xlsx")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("urn:problem:not-recorded"));
        } finally {
            jdbc.sql("ALTER TABLE access_record_away RENAME TO access_record").update();
        }
    }

    @Test
    void the_log_pages_by_id() throws Exception {
        auditor("/api/audit/verification");
        auditor("/api/audit/verification");
        String first = auditor("/api/audit/access?kind=VERIFIED&limit=1");
        Number next = JsonPath.read(first, "$.next");
        assertThat(next).isNotNull();
        String second = auditor("/api/audit/access?kind=VERIFIED&limit=1&after=" + next);
        assertThat(((Number) JsonPath.read(second, "$.records[0].id")).longValue())
                .isGreaterThan(next.longValue());
    }

    @Test
    void only_auditors_and_administrators_read_it() throws Exception {
        for (String path : new String[] {"/api/audit/access", "/api/audit/workbooks"}) {
            mvc.perform(Api.as("bureau", get(path)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            mvc.perform(Api.as("leader", get(path))).andExpect(status().isForbidden());
            mvc.perform(Api.as("admin", get(path))).andExpect(status().isOk());
        }
        mvc.perform(get("/audit/access").with(user("bureau").roles("BUREAU"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/access").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
    }

    @Test
    void a_zone_s_auditor_sees_its_zone_s_reads_and_its_own_not_the_sign_ins_of_others() throws Exception {
        String name = "zaud" + System.nanoTime() % 1_000_000;
        mvc.perform(Api.as(
                        Api.ADMIN,
                        post("/api/users")
                                .content(("{\"username\": \"%s\", \"displayName\": \"开发区审计\", \"password\":"
                                                + " \"%s-demo\", \"roles\": [\"AUDITOR\"], \"scope\":"
                                                + " {\"level\": \"ZONE\", \"id\": \"%s\"}}")
                                        .formatted(name, name, zone))))
                .andExpect(status().isCreated());
        CaughtUp.await(jdbc);
        mvc.perform(Api.as("clerk", get("/api/reports/zones/" + zone + "/years/2023/workbook.xlsx")))
                .andExpect(status().isOk());
        String other = api.newZone("access");
        CaughtUp.await(jdbc);
        mvc.perform(Api.as("clerk", get("/api/reports/zones/" + other + "/years/2023/workbook.xlsx")))
                .andExpect(status().isOk());

        String seen = mvc.perform(Api.as(name, get("/api/audit/access?limit=1000")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> records = JsonPath.read(seen, "$.records");
        assertThat(records).extracting(row -> row.get("zoneId")).contains(zone).doesNotContain(other);
        assertThat(records)
                .filteredOn(row -> row.get("zoneId") == null)
                .extracting(row -> row.get("username"))
                .containsOnly(name);
        mvc.perform(Api.as(name, get("/api/audit/workbooks?zone=" + other))).andExpect(status().isNotFound());
    }

    @Test
    void bad_parameters_are_a_400_in_the_reader_s_words() throws Exception {
        for (String query : new String[] {
            "limit=0",
            "limit=1001",
            "limit=many",
            "after=-1",
            "from=2024-13-01",
            "from=yesterday",
            "from=2024-02-01&to=2024-01-01",
            "kind=READ",
            "zone=Not_A_Zone"
        }) {
            mvc.perform(Api.as("auditor", get("/api/audit/access?" + query)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(" / ")));
        }
        mvc.perform(get("/audit/access?from=yesterday").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2024-01-05")));
    }

    @Test
    void the_application_cannot_rewrite_the_log() {
        jdbc.sql(
                        "INSERT INTO access_record (recorded_at, node, kind, outcome) VALUES (CURRENT_TIMESTAMP, 'n', 'VERIFIED',"
                                + " 'OK')")
                .update();
        for (String statement :
                new String[] {"UPDATE access_record SET outcome = 'forged'", "DELETE FROM access_record"}) {
            assertThatThrownBy(() -> jdbc.sql(statement).update())
                    .as(statement)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("append-only");
        }
    }

    private Map<String, Object> last(String query) throws Exception {
        String page = auditor("/api/audit/access?limit=1000&" + query);
        List<Map<String, Object>> records = JsonPath.read(page, "$.records");
        assertThat(records).as(query).isNotEmpty();
        return records.get(records.size() - 1);
    }

    private String page(String path) throws Exception {
        return Html.page(mvc, path, user("auditor").roles("AUDITOR"));
    }

    private static List<Long> ids(String page) {
        return Pattern.compile("id=\"access-(\\d+)\"")
                .matcher(page)
                .results()
                .map(match -> Long.parseLong(match.group(1)))
                .toList();
    }

    private long count(String kind, String user) {
        return jdbc.sql("SELECT COUNT(*) FROM access_record WHERE kind = ? AND username = ?")
                .param(kind)
                .param(user)
                .query(Long.class)
                .single();
    }

    private long head() {
        return jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry")
                .query(Long.class)
                .single();
    }

    private String hashAt(long position) {
        return jdbc.sql("SELECT hash FROM event_hash WHERE position = ?")
                .param(position)
                .query(String.class)
                .single();
    }

    private String auditor(String path) throws Exception {
        return Html.page(mvc, Api.as("auditor", get(path)));
    }

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request) {
        return request.with(remote -> {
            remote.setRemoteAddr(ADDRESS);
            return remote;
        });
    }
}
