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
 * {@code java -jar investment-tracker.jar verify-export FILE [--keys KEYS.json] [--trust KEY_ID]}: recomputes the
 * hash chain from an export, with no server and no database, and prints the head hash or the first line that breaks
 * the chain. With the published keys ({@code GET /api/audit/keys}, saved) it also checks every checkpoint signature
 * the export carries against the keys the anchor accepted (the anchor: {@code --trust}, else the key the file says was
 * in use), and that a signed checkpoint covers the export's last event. An export of a scope smaller than the whole
 * store leaves other zones' events out: each line names the hash it follows from, and the gaps are counted and
 * printed (an export of the whole store has none); its last events may be covered by a checkpoint outside its scope.
 */
public final class ExportVerifier {

    private ExportVerifier() {}

    private static final String USAGE =
            "usage: verify-export FILE [--keys KEYS.json] [--trust KEY_ID] [--stamp REPORT.json]";

    /** {@code verify-export FILE [--keys KEYS.json] [--trust KEY_ID] [--stamp REPORT.json]}; exit as {@link #run}. */
    public static int main(String[] args, PrintStream out) {
        Path keys = null;
        String trust = null;
        Path stamp = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--keys" -> keys = Path.of(args[i + 1]);
                case "--trust" -> trust = args[i + 1];
                case "--stamp" -> stamp = Path.of(args[i + 1]);
                default -> {
                    out.println(USAGE);
                    return 2;
                }
            }
        }
        if (args.length % 2 != 0 || (stamp != null && keys == null)) {
            out.println(USAGE + " (--stamp needs --keys)");
            return 2;
        }
        int chain = run(Path.of(args[1]), keys, trust, out);
        return chain != 0 || stamp == null ? chain : stamp(Path.of(args[1]), keys, trust, stamp, out);
    }

    /**
     * A report's or a submission's stamp against the export: the chain's hash at its {@code position} is its
     * {@code positionHash}, and its {@code checkpoint} is the export's, validly signed. Exit status as {@link #run}.
     */
    static int stamp(Path file, Path keys, String trust, Path stampFile, PrintStream out) {
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode stamp = json.readTree(stampFile.toFile());
            JsonNode published = json.readTree(keys.toFile());
            KeyLineage lineage = KeyLineage.of(
                    keysOf(published),
                    trust != null ? trust : published.path("inUse").asText());
            long position = stamp.path("position").asLong(-1);
            String positionHash = stamp.path("positionHash").asText(null);
            JsonNode checkpoint = stamp.path("checkpoint");
            if (position < 0 || positionHash == null || !checkpoint.isObject()) {
                out.printf("STAMP UNREADABLE: %s has no position, positionHash and checkpoint%n", stampFile);
                return 2;
            }
            long signedAt = checkpoint.path("position").asLong();
            String hashThere = null;
            String hashSigned = null;
            String previous = HashChain.GENESIS;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null && (hashThere == null || hashSigned == null)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode entry = json.readTree(line);
                    JsonNode follows = entry.get("previousHash");
                    if (follows != null && !follows.isNull()) {
                        previous = follows.asText();
                    }
                    previous = HashChain.next(previous, stored(entry));
                    long at = entry.get("position").asLong();
                    if (at == position) {
                        hashThere = previous;
                    }
                    if (at == signedAt) {
                        hashSigned = previous;
                    }
                }
            }
            String problem = hashThere == null || hashSigned == null
                    ? "the export does not hold positions %d and %d".formatted(position, signedAt)
                    : !hashThere.equals(positionHash)
                            ? "the chain's hash at position %d is %s, the stamp says %s"
                                    .formatted(position, hashThere, positionHash)
                            : !hashSigned.equals(checkpoint.path("hash").asText())
                                    ? "the chain's hash at the checkpoint %d is not the one signed".formatted(signedAt)
                                    : lineage.problem() != null
                                            ? lineage.problem()
                                            : lineage.check(
                                                    signedAt,
                                                    hashSigned,
                                                    checkpoint.path("keyId").asText(),
                                                    checkpoint.path("signature").asText());
            if (problem != null) {
                out.printf("STAMP BROKEN: %s%n", problem);
                return 1;
            }
            out.printf(
                    "STAMP OK: position %d, hash %s, signed at position %d by key %s%n",
                    position, positionHash, signedAt, checkpoint.path("keyId").asText());
            return 0;
        } catch (IOException | RuntimeException unreadable) {
            out.printf("cannot read the stamp %s: %s%n", stampFile, unreadable.getMessage());
            return 2;
        }
    }

    /** Exit status: 0 when the chain holds, 1 when it breaks, 2 when the file cannot be read. */
    public static int run(Path file, PrintStream out) {
        return run(file, null, null, out);
    }

    /** {@code keys}: the saved answer of {@code GET /api/audit/keys}, or null to check the chain only. */
    public static int run(Path file, Path keys, String trust, PrintStream out) {
        ObjectMapper json = new ObjectMapper();
        KeyLineage lineage = null;
        if (keys != null) {
            try {
                JsonNode published = json.readTree(keys.toFile());
                String anchor = trust != null ? trust : published.path("inUse").asText();
                lineage = KeyLineage.of(keysOf(published), anchor);
            } catch (IOException | RuntimeException unreadable) {
                out.printf("cannot read the keys %s: %s%n", keys, unreadable.getMessage());
                return 2;
            }
            if (lineage.problem() != null) {
                out.printf("KEYS NOT TRUSTED: %s%n", lineage.problem());
                return 1;
            }
        }
        String previous = HashChain.GENESIS;
        long lines = 0;
        long gaps = 0;
        long signatures = 0;
        Long signedUpTo = null;
        long lastPosition = 0;
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
                lastPosition = entry.get("position").asLong();
                JsonNode checkpoint = entry.get("checkpoint");
                if (lineage != null && checkpoint != null && !checkpoint.isNull()) {
                    String invalid = lineage.check(
                            lastPosition,
                            expected,
                            checkpoint.path("keyId").asText(),
                            checkpoint.path("signature").asText());
                    if (invalid != null) {
                        out.printf("BROKEN at line %d (position %d): %s%n", lines, lastPosition, invalid);
                        return 1;
                    }
                    signatures++;
                    signedUpTo = lastPosition;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            out.printf("cannot read %s at line %d: %s%n", file, lines + 1, unreadable.getMessage());
            return 2;
        }
        if (lineage != null && lines > 0 && (signedUpTo == null || signedUpTo < lastPosition)) {
            if (gaps == 0) {
                out.printf(
                        "BROKEN after position %s: no valid signed checkpoint covers the events up to position %d"
                                + " (appended by someone without the key)%n",
                        signedUpTo == null ? "0" : signedUpTo, lastPosition);
                return 1;
            }
            out.printf(
                    "the last events (after position %s) are covered by checkpoints outside this export's scope%n",
                    signedUpTo == null ? "0" : signedUpTo);
        }
        out.printf("OK %d events, head hash %s%n", lines, previous);
        if (lineage != null) {
            out.printf("%d checkpoint signatures valid, signed up to position %s%n", signatures, signedUpTo);
        }
        if (gaps > 0) {
            out.printf(
                    "%d gaps: events outside the export's scope are left out; each event's hash follows from the hash"
                            + " its line names%n",
                    gaps);
        }
        return 0;
    }

    private static java.util.List<SigningKeys.Published> keysOf(JsonNode published) {
        java.util.List<SigningKeys.Published> keys = new java.util.ArrayList<>();
        for (JsonNode key : published.path("keys")) {
            keys.add(new SigningKeys.Published(
                    key.path("keyId").asText(),
                    key.path("algorithm").asText(),
                    key.path("publicKey").asText(),
                    key.path("validFrom").asLong(),
                    key.hasNonNull("validUntil") ? key.get("validUntil").asLong() : null,
                    null,
                    key.hasNonNull("predecessor") ? key.get("predecessor").asText() : null,
                    key.path("announcementSignature").asText(),
                    key.path("acceptanceSignature").asText()));
        }
        return keys;
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
