package cn.zhaoshang.tracker.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * {@code java -jar investment-tracker.jar verify-export FILE}: recomputes the hash chain from an export, with no
 * server and no database, and prints the head hash or the first line that breaks the chain. An export of a scope
 * smaller than the whole store leaves other zones' events out: each line names the hash it follows from, and the gaps
 * are counted and printed (an export of the whole store has none).
 */
public final class ExportVerifier {

    private ExportVerifier() {}

    /** Exit status: 0 when the chain holds, 1 when it breaks, 2 when the file cannot be read. */
    public static int run(Path file, PrintStream out) {
        ObjectMapper json = new ObjectMapper();
        String previous = HashChain.GENESIS;
        long lines = 0;
        long gaps = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                JsonNode entry = json.readTree(line);
                JsonNode hash = entry.get("hash");
                if (hash == null || hash.isNull()) {
                    out.printf(
                            "line %d (position %s): not chained yet; verified up to the line before%n",
                            lines, entry.path("position").asText());
                    break;
                }
                JsonNode follows = entry.get("previousHash");
                if (follows != null && !follows.isNull() && !follows.asText().equals(previous)) {
                    // events left out of a scope's export: this one follows the hash the export says
                    gaps++;
                    previous = follows.asText();
                }
                String expected = HashChain.next(previous, stored(entry));
                if (!expected.equals(hash.asText())) {
                    out.printf(
                            "BROKEN at line %d (position %s): expected hash %s, the export says %s%n",
                            lines, entry.path("position").asText(), expected, hash.asText());
                    return 1;
                }
                previous = expected;
            }
        } catch (IOException | RuntimeException unreadable) {
            out.printf("cannot read %s at line %d: %s%n", file, lines + 1, unreadable.getMessage());
            return 2;
        }
        out.printf("OK %d events, head hash %s%n", lines, previous);
        if (gaps > 0) {
            out.printf(
                    "%d gaps: events outside the export's scope are left out; each event's hash follows from the hash"
                            + " its line names%n",
                    gaps);
        }
        return 0;
    }

    private static StoredEvent stored(JsonNode entry) {
        JsonNode stored = entry.get("stored");
        return new StoredEvent(
                entry.get("position").asLong(),
                text(stored, "eventIdentifier"),
                entry.get("aggregateId").asText(),
                entry.get("sequence").asLong(),
                text(stored, "type"),
                text(stored, "payloadType"),
                text(stored, "payloadRevision"),
                text(stored, "timeStamp"),
                bytes(stored, "metaData"),
                bytes(stored, "payload"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(JsonNode node, String field) {
        String base64 = text(node, field);
        return base64 == null ? null : Base64.getDecoder().decode(base64);
    }
}
