package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An export written by the running application, edited the ways a person might, checked by the offline checker
 * ({@link VerifyExport}: the jar's {@code verify-export}, and {@code scripts/VerifyExport.java} run by a bare JDK as
 * RunbookIT runs it).
 */
@InMemoryTracker
class ExportCheckIT {

    private static final String PASSWORD = "a-long-enough-secret";
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    Api api;
    String zone;
    String project;
    List<String> export;
    Path keys;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        zone = api.newZone("export-" + System.nanoTime() % 100000);
        project = api.newProject(zone);
        api.post("/api/projects/" + project + "/termination", "{\"terminatedOn\": \"2023-05-01\", \"reason\": \"撤资\"}")
                .andExpect(status().isOk());
        CaughtUp.await(jdbc);
        export = export();
        keys = dir.resolve("keys.json");
        Files.writeString(keys, auditor("/api/audit/keys"), StandardCharsets.UTF_8);
    }

    @Test
    void an_untouched_export_passes_the_check_and_ends_with_its_trailer() throws Exception {
        JsonNode trailer = JSON.readTree(export.get(export.size() - 1)).get("trailer");
        JsonNode last = JSON.readTree(export.get(export.size() - 2));
        assertThat(trailer.get("events").asLong()).isEqualTo(export.size() - 1);
        assertThat(trailer.get("headPosition").asLong())
                .isEqualTo(last.get("position").asLong());
        assertThat(trailer.get("headHash").asText()).isEqualTo(last.get("hash").asText());
        assertThat(trailer.at("/checkpoint/signature").asText())
                .isEqualTo(last.at("/checkpoint/signature").asText());

        Verdict withKeys = checked(export, true);
        assertThat(withKeys.status()).as(withKeys.printed()).isZero();
        assertThat(withKeys.printed())
                .contains("OK " + (export.size() - 1) + " events, head hash "
                        + last.get("hash").asText())
                .containsPattern("[1-9]\\d* checkpoint signatures valid");
        assertThat(checked(export, false).status()).isZero();
    }

    @Test
    void a_readable_recorded_by_changed_to_leader_is_found() throws Exception {
        assertMismatchFound("ProjectSigned", event -> event.put("recordedBy", "leader"), "recordedBy not as stored");
    }

    @Test
    void an_amount_changed_in_the_readable_payload_is_found() throws Exception {
        assertMismatchFound(
                "ProjectSigned",
                event -> ((ObjectNode) event.get("payload")).put("contractInvestmentCny", 1600000000),
                ": payload not as stored");
    }

    @Test
    void a_reason_changed_to_x_is_found() throws Exception {
        assertMismatchFound("ProjectTerminated", event -> event.put("reason", "x"), "reason not as stored");
    }

    @Test
    void a_file_cut_before_its_trailer_is_found() throws Exception {
        assertFound(export.subList(0, export.size() - 1), "CUT after line " + (export.size() - 1));
    }

    @Test
    void a_file_whose_last_event_was_cut_is_found_by_its_trailer() throws Exception {
        List<String> cut = new ArrayList<>(export);
        cut.remove(export.size() - 2);
        assertFound(
                cut,
                "TRAILER at line " + cut.size() + ": says " + (export.size() - 1) + " events, the file holds "
                        + (export.size() - 2),
                "TRAILER at line " + cut.size() + ": says head position");
    }

    @Test
    void a_line_removed_from_the_middle_is_found() throws Exception {
        List<String> cut = new ArrayList<>(export);
        int middle = export.size() / 2;
        cut.remove(middle);
        String printed =
                assertFound(cut, "TRAILER at line " + cut.size() + ": says " + (export.size() - 1) + " events");
        if (JSON.readTree(export.get(export.size() - 1))
                .at("/trailer/wholeStore")
                .asBoolean()) {
            assertThat(printed).contains("MISSING before line " + (middle + 1));
        }
    }

    @Test
    void a_trailer_with_a_wrong_count_is_found() throws Exception {
        List<String> wrong = new ArrayList<>(export);
        int trailer = export.size() - 1;
        wrong.set(
                trailer,
                edited(trailer, line -> {
                            ObjectNode said = (ObjectNode) line.get("trailer");
                            said.put("events", said.get("events").asLong() + 1);
                        })
                        .get(trailer));
        assertFound(wrong, "TRAILER at line " + export.size() + ": says " + export.size() + " events");
    }

    @Test
    void an_export_of_one_zone_passes_with_its_gaps_and_its_trailer_counts_its_own_lines() throws Exception {
        String auditor = "zone-auditor-" + System.nanoTime() % 100000;
        api.perform(MockMvcRequestBuilders.post("/api/users")
                        .with(httpBasic("admin", "admin-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(("{\"username\": \"%s\", \"displayName\": \"区审计\", \"password\": \"%s\","
                                        + " \"roles\": [\"AUDITOR\"], \"scope\": {\"level\": \"ZONE\", \"id\": \"%s\"}}")
                                .formatted(auditor, PASSWORD, zone)))
                .andExpect(status().is2xxSuccessful());
        List<String> scoped = export(httpBasic(auditor, PASSWORD));
        JsonNode trailer = JSON.readTree(scoped.get(scoped.size() - 1)).get("trailer");
        assertThat(trailer.get("wholeStore").asBoolean()).isFalse();
        assertThat(trailer.get("events").asLong()).isEqualTo(scoped.size() - 1).isLessThan(export.size() - 1);

        Verdict verdict = checked(scoped, true);
        assertThat(verdict.status()).as(verdict.printed()).isZero();
        assertThat(verdict.printed())
                .contains("OK " + (scoped.size() - 1) + " events")
                .containsPattern("\\d+ gaps");

        List<String> cut = new ArrayList<>(scoped);
        cut.remove(1);
        assertThat(assertFound(cut, "TRAILER at line " + cut.size() + ": says " + (scoped.size() - 1) + " events"))
                .doesNotContain("MISSING");
    }

    @Test
    void
            the_evidence_an_export_names_verifies_against_the_downloaded_files_and_a_flipped_byte_or_a_missing_one_is_found()
                    throws Exception {
        byte[] receipt = ("%PDF-1.7 receipt " + project).getBytes(StandardCharsets.US_ASCII);
        api.perform(MockMvcRequestBuilders.multipart("/api/projects/" + project + "/evidence")
                        .file(new MockMultipartFile("file", "回单.pdf", "application/pdf", receipt))
                        .param("attachedTo", "1")
                        .with(httpBasic(Api.BUREAU, Api.BUREAU + "-demo")))
                .andExpect(status().isCreated());
        CaughtUp.await(jdbc);
        export = export();
        Path evidence = Files.createDirectory(dir.resolve("evidence"));
        List<String> named = new ArrayList<>();
        for (String line : export) {
            JsonNode event = JSON.readTree(line);
            if ("EvidenceAttached".equals(event.path("type").asText())) {
                String sha256 = event.at("/payload/sha256").asText();
                named.add(sha256);
                Files.write(evidence.resolve(sha256), download("/api/audit/evidence/" + sha256));
            }
        }
        String ours =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(receipt));
        assertThat(named).contains(ours);
        String[] withEvidence = {"--evidence", evidence.toString()};

        Verdict verified = checked(export, true, withEvidence);
        assertThat(verified.status()).as(verified.printed()).isZero();
        assertThat(verified.printed())
                .contains(named.size() + " evidence files match the hash and size their events recorded");

        // saved under another name, it is still found by its content
        Files.move(evidence.resolve(ours), evidence.resolve("回单.pdf"));
        assertThat(checked(export, true, withEvidence).status()).isZero();

        int line = lineOf("EvidenceAttached") + 1;
        byte[] flipped = receipt.clone();
        flipped[flipped.length - 1] ^= 1;
        Files.delete(evidence.resolve("回单.pdf"));
        Files.write(evidence.resolve(ours), flipped);
        assertThat(foundWith(export, withEvidence))
                .contains("EVIDENCE ALTERED at line " + line)
                .contains("the event names " + ours);

        Files.delete(evidence.resolve(ours));
        assertThat(foundWith(export, withEvidence))
                .contains("EVIDENCE MISSING at line " + line + " (position ")
                .contains("no file with SHA-256 " + ours);
    }

    private byte[] download(String path) throws Exception {
        return api.perform(MockMvcRequestBuilders.get(path).with(httpBasic("auditor", "auditor-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private String foundWith(List<String> lines, String[] options) throws Exception {
        Verdict verdict = checked(lines, true, options);
        assertThat(verdict.status()).as(verdict.printed()).isEqualTo(1);
        assertThat(verdict.printed()).contains("FAILED: ");
        return verdict.printed();
    }

    /** The checker fails the file with exit status 1 and names what was edited. */
    private String assertFound(List<String> lines, String... found) throws Exception {
        Verdict verdict = checked(lines, true);
        assertThat(verdict.status()).as(verdict.printed()).isEqualTo(1);
        assertThat(verdict.printed()).contains(found).contains("FAILED: ");
        return verdict.printed();
    }

    record Verdict(int status, String printed) {}

    /** What the checker says of the lines, with the keys the application published or without them. */
    private Verdict checked(List<String> lines, boolean withKeys, String... options) throws Exception {
        Path file = Files.createTempFile(dir, "export", ".ndjson");
        Files.write(file, lines, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(file.toString()));
        if (withKeys) {
            args.addAll(List.of("--keys", keys.toString()));
        }
        args.addAll(List.of(options));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status =
                VerifyExport.run(args.toArray(String[]::new), new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Verdict(status, printed.toString(StandardCharsets.UTF_8));
    }

    /** This test's project's event of that type edited: the checker names its line as a mismatch and says why. */
    private void assertMismatchFound(String type, Consumer<ObjectNode> edit, String why) throws Exception {
        int line = lineOf(type);
        assertFound(edited(line, edit), "MISMATCH at line " + (line + 1), why);
    }

    /** The export with one line edited as JSON. */
    private List<String> edited(int index, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode line = (ObjectNode) JSON.readTree(export.get(index));
        edit.accept(line);
        List<String> edited = new ArrayList<>(export);
        edited.set(index, JSON.writeValueAsString(line));
        assertThat(edited).isNotEqualTo(export);
        return edited;
    }

    /** The index of this test's project's event of that type. */
    private int lineOf(String type) throws Exception {
        for (int i = 0; i < export.size(); i++) {
            JsonNode line = JSON.readTree(export.get(i));
            if (type.equals(line.path("type").asText())
                    && project.equals(line.path("aggregateId").asText())) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " of " + project + " in the export");
    }

    private List<String> export() throws Exception {
        return export(httpBasic("auditor", "auditor-demo"));
    }

    private List<String> export(RequestPostProcessor who) throws Exception {
        MvcResult started = api.perform(
                        MockMvcRequestBuilders.get("/api/audit/export").with(who))
                .andExpect(request().asyncStarted())
                .andReturn();
        return mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .toList();
    }

    private String auditor(String path) throws Exception {
        return api.perform(Api.as("auditor", MockMvcRequestBuilders.get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
