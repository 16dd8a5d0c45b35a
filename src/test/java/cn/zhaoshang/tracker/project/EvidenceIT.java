package cn.zhaoshang.tracker.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.InMemoryTracker;
import cn.zhaoshang.tracker.project.api.FindEvidence;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Evidence over HTTP: upload, list, download, the event it records, and every refusal recording nothing. */
@InMemoryTracker
class EvidenceIT {

    static final byte[] PDF =
            "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QueryGateway queries;

    private Api api;
    private String project;

    @BeforeEach
    void project() throws Exception {
        api = new Api(mvc);
        api.post("/api/zones", "{\"id\":\"songmu\",\"name\":\"衡阳松木经济开发区\",\"city\":\"hengyang\"}");
        project = api.newProject("songmu");
    }

    /** Uploads as {@code user} (password: the name and "-demo"). */
    static ResultActions upload(MockMvc mvc, String user, String project, String name, byte[] bytes, String attachedTo)
            throws Exception {
        return mvc.perform(multipart("/api/projects/" + project + "/evidence")
                .file(new MockMultipartFile("file", name, "application/pdf", bytes))
                .param("attachedTo", attachedTo)
                .param("note", "外资到位银行回单")
                .with(httpBasic(user, user + "-demo")));
    }

    @Test
    void a_pdf_is_stored_listed_downloaded_as_sent_and_recorded_with_its_hash() throws Exception {
        String sha256 = sha256(PDF);
        long before = Api.storedEvents(jdbc);

        upload(mvc, Api.BUREAU, project, "C:\\scans\\银行回单 2023.pdf", PDF, "0")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/projects/%s/evidence/%s".formatted(project, sha256)))
                .andExpect(jsonPath("$.sha256").value(sha256))
                .andExpect(jsonPath("$.fileName").value("银行回单 2023.pdf"))
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.sizeBytes").value(PDF.length))
                .andExpect(jsonPath("$.attachedTo").value(0))
                .andExpect(jsonPath("$.note").value("外资到位银行回单"))
                .andExpect(jsonPath("$.recordedBy").value(Api.BUREAU));
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before + 1);

        api.get("/api/projects/" + project + "/evidence")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].sha256").value(sha256))
                .andExpect(jsonPath("$[0].position").isNumber());
        mvc.perform(get("/api/projects/%s/evidence/%s".formatted(project, sha256))
                        .with(httpBasic("auditor", "auditor-demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(PDF))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(
                        header().string(
                                        "Content-Disposition",
                                        "attachment; filename=\"____ 2023.pdf\"; filename*=UTF-8''%E9%93%B6%E8%A1%8C%E5%9B%9E%E5%8D%95%202023.pdf"));
        // the file that left is on the access log, by its hash and who took it
        assertThat(jdbc.sql(
                                "SELECT username FROM access_record WHERE kind = 'EVIDENCE_DOWNLOADED' AND content_hash = ?")
                        .param(sha256)
                        .query(String.class)
                        .list())
                .contains("auditor");
        assertThat(queries.query(
                                new FindEvidence(project), ResponseTypes.multipleInstancesOf(FindEvidence.Result.class))
                        .join())
                .extracting(FindEvidence.Result::sha256, FindEvidence.Result::fileName, FindEvidence.Result::attachedTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sha256, "银行回单 2023.pdf", 0L));
        String history = api.get("/api/projects/" + project + "/history")
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Object> attached = JsonPath.read(history, "$.events[?(@.type == 'EvidenceAttached')].payload");
        assertThat(attached).hasSize(1);
        assertThat(JsonPath.<String>read(history, "$.events[1].payload.sha256")).isEqualTo(sha256);
        assertThat(JsonPath.<Integer>read(history, "$.events[1].payload.sizeBytes"))
                .isEqualTo(PDF.length);
        assertThat(JsonPath.<String>read(history, "$.events[1].payload.mediaType"))
                .isEqualTo("application/pdf");
        assertThat(JsonPath.<String>read(history, "$.events[1].payload.fileName"))
                .isEqualTo("银行回单 2023.pdf");
    }

    @Test
    void the_same_file_attached_twice_is_stored_once() throws Exception {
        byte[] receipt = "%PDF-1.4 the same receipt twice".getBytes(StandardCharsets.US_ASCII);

        upload(mvc, Api.BUREAU, project, "a.pdf", receipt, "0").andExpect(status().isCreated());
        upload(mvc, Api.BUREAU, project, "b.pdf", receipt, "1").andExpect(status().isCreated());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_file WHERE sha256 = ?")
                        .param(sha256(receipt))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        api.get("/api/projects/" + project + "/evidence")
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void a_file_over_the_limit_is_413_and_records_nothing() throws Exception {
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        long before = Api.storedEvents(jdbc);

        upload(mvc, Api.BUREAU, project, "big.pdf", large, "0")
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
        assertThat(stored(sha256(large))).isZero();
    }

    @Test
    void text_or_a_program_named_pdf_is_415_and_records_nothing() throws Exception {
        long before = Api.storedEvents(jdbc);
        byte[] text = "just text, not a PDF".getBytes(StandardCharsets.UTF_8);
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

        upload(mvc, Api.BUREAU, project, "receipt.pdf", text, "0")
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        upload(mvc, Api.BUREAU, project, "setup.exe", program, "0").andExpect(status().isUnsupportedMediaType());
        upload(mvc, Api.BUREAU, project, "empty.pdf", new byte[0], "0").andExpect(status().isUnsupportedMediaType());

        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
        assertThat(stored(sha256(text)) + stored(sha256(program))).isZero();
    }

    @Test
    void office_files_are_recognised_by_their_parts_and_a_bare_zip_is_not() throws Exception {
        upload(mvc, Api.BUREAU, project, "合同.docx", zip("[Content_Types].xml", "word/document.xml"), "0")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType")
                        .value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        byte[] legacy = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 1};
        upload(mvc, Api.BUREAU, project, "营业执照.xls", legacy, "0")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType").value("application/vnd.ms-excel"));

        upload(mvc, Api.BUREAU, project, "archive.docx", zip("word/document.xml"), "0")
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void evidence_must_support_an_event_the_project_has() throws Exception {
        long before = Api.storedEvents(jdbc);

        upload(mvc, Api.BUREAU, project, "a.pdf", PDF, "5").andExpect(status().isConflict());
        upload(mvc, Api.BUREAU, project, "a.pdf", PDF, "-1").andExpect(status().isBadRequest());
        upload(mvc, Api.BUREAU, project, "a.pdf", PDF, "first").andExpect(status().isBadRequest());

        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    @Test
    void an_auditor_cannot_upload_and_a_bureau_of_another_zone_does_not_see_the_project() throws Exception {
        String faraway = api.newZone("elsewhere");
        String theirs = api.newProject(faraway);
        long before = Api.storedEvents(jdbc);

        upload(mvc, "auditor", project, "a.pdf", PDF, "0").andExpect(status().isForbidden());
        // the demo's bureau reaches songmu only
        upload(mvc, "bureau", theirs, "a.pdf", PDF, "0").andExpect(status().isNotFound());

        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    @Test
    void an_auditor_fetches_a_file_by_its_hash_and_no_one_else_does() throws Exception {
        byte[] licence = "%PDF-1.5 business licence".getBytes(StandardCharsets.US_ASCII);
        upload(mvc, Api.BUREAU, project, "licence.pdf", licence, "0").andExpect(status().isCreated());

        mvc.perform(get("/api/audit/evidence/" + sha256(licence)).with(httpBasic("auditor", "auditor-demo")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(licence));
        mvc.perform(get("/api/audit/evidence/" + sha256(licence)).with(httpBasic(Api.BUREAU, Api.BUREAU + "-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/evidence/" + "0".repeat(64)).with(httpBasic("auditor", "auditor-demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/projects/%s/evidence/%s".formatted(project, "0".repeat(64)))
                        .with(httpBasic("auditor", "auditor-demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_stored_file_cannot_be_changed_or_removed() throws Exception {
        byte[] receipt = "%PDF-1.6 kept as it came".getBytes(StandardCharsets.US_ASCII);
        upload(mvc, Api.BUREAU, project, "r.pdf", receipt, "0").andExpect(status().isCreated());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("UPDATE evidence_file SET media_type = 'text/plain' WHERE sha256 = ?")
                                .param(sha256(receipt))
                                .update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM evidence_file WHERE sha256 = ?")
                        .param(sha256(receipt))
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void an_upload_sent_again_with_its_idempotency_key_is_answered_again_and_recorded_once() throws Exception {
        byte[] receipt = ("%PDF-1.7 sent twice " + project).getBytes(StandardCharsets.US_ASCII);
        String key = "evidence-" + project;
        long before = Api.storedEvents(jdbc);

        String first = mvc.perform(withKey(receipt, key))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String again = mvc.perform(withKey(receipt, key))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(JsonPath.<Integer>read(again, "$.position")).isEqualTo(JsonPath.<Integer>read(first, "$.position"));
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before + 1);
        mvc.perform(withKey("%PDF-1.7 another file".getBytes(StandardCharsets.US_ASCII), key))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void an_upload_based_on_a_stale_version_is_412_and_records_nothing() throws Exception {
        long before = Api.storedEvents(jdbc);

        mvc.perform(multipart("/api/projects/" + project + "/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .param("attachedTo", "0")
                        .header("If-Match", "\"7\"")
                        .with(httpBasic(Api.BUREAU, Api.BUREAU + "-demo")))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(multipart("/api/projects/" + project + "/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .param("attachedTo", "0")
                        .header("If-Match", "\"0\"")
                        .with(httpBasic(Api.BUREAU, Api.BUREAU + "-demo")))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""));

        assertThat(Api.storedEvents(jdbc)).isEqualTo(before + 1);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder withKey(
            byte[] file, String key) {
        return multipart("/api/projects/" + project + "/evidence")
                .file(new MockMultipartFile("file", "r.pdf", "application/pdf", file))
                .param("attachedTo", "0")
                .header("Idempotency-Key", key)
                .with(httpBasic(Api.BUREAU, Api.BUREAU + "-demo"));
    }

    @Test
    void the_replay_rebuilds_the_evidence_list_as_it_stands() throws Exception {
        upload(mvc, Api.BUREAU, project, "a.pdf", ("%PDF-1.7 replayed " + project).getBytes(), "0")
                .andExpect(status().isCreated());
        CaughtUp.await(jdbc);

        String result = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/audit/replays")
                                .with(httpBasic("auditor", "auditor-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(JsonPath.<List<Boolean>>read(result, "$.projections[?(@.name == 'project-evidence')].match"))
                .containsExactly(true);
        assertThat(JsonPath.<Boolean>read(result, "$.projectionsMatch")).isTrue();
    }

    private long stored(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_file WHERE sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
