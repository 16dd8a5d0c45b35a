package cn.zhaoshang.tracker.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar investment-tracker.jar verify-export FILE [--keys KEYS.json] [--trust KEY_ID]}: checks an export
 * with no server and no database ({@link ExportCheck}): it recomputes the hash chain from each line's stored bytes,
 * reads every readable field again from those bytes and reports each line that says otherwise, and checks the trailer
 * line against the lines, so that a file cut short is found. With the published keys ({@code GET /api/audit/keys},
 * saved) it also checks every checkpoint signature the export carries, and the trailer's, against the keys the anchor
 * accepted (the anchor: {@code --trust}, else the key the file says was in use). An export of a scope smaller than
 * the whole store leaves other zones' events out: each line names the hash it follows from, and the gaps are counted
 * and printed (in an export of the whole store each is a missing event). {@code scripts/VerifyExport.java} is the
 * same check in one file for a bare JDK. With {@code --evidence DIR} it also checks the evidence files the export's
 * events name against the SHA-256 and size each recorded ({@link EvidenceFolder}).
 */
public final class ExportVerifier {

    private ExportVerifier() {}

    private static final String USAGE =
            "usage: verify-export FILE [--keys KEYS.json] [--trust KEY_ID] [--stamp REPORT.json] [--evidence DIR]";

    /**
     * {@code verify-export FILE [--keys KEYS.json] [--trust KEY_ID] [--stamp REPORT.json] [--evidence DIR]}; exit as
     * {@link #run}.
     */
    public static int main(String[] args, PrintStream out) {
        Path keys = null;
        String trust = null;
        Path stamp = null;
        Path evidence = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--keys" -> keys = Path.of(args[i + 1]);
                case "--trust" -> trust = args[i + 1];
                case "--stamp" -> stamp = Path.of(args[i + 1]);
                case "--evidence" -> evidence = Path.of(args[i + 1]);
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
        if (evidence != null && !Files.isDirectory(evidence)) {
            out.printf("cannot read the evidence folder %s%n", evidence);
            return 2;
        }
        int chain = run(Path.of(args[1]), keys, trust, evidence, out);
        return chain != 0 || stamp == null ? chain : stamp(Path.of(args[1]), keys, trust, stamp, out);
    }

    /**
     * A report's or a submission's stamp against the export: the chain's hash at its {@code position} is its
     * {@code positionHash}, and its {@code checkpoint} is the export's, validly signed. Exit status as {@link #run}.
     */
    static int stamp(Path file, Path keys, String trust, Path stampFile, PrintStream out) {
        ObjectMapper json = exact();
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
                    if (ExportTrailer.isTrailer(entry)) {
                        continue;
                    }
                    JsonNode follows = entry.get("previousHash");
                    if (follows != null && !follows.isNull()) {
                        previous = follows.asText();
                    }
                    previous = HashChain.next(previous, ExportCheck.stored(entry));
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
        return run(file, keys, trust, null, out);
    }

    /** {@code evidence}: the folder of downloaded evidence files, or null to leave them unchecked. */
    static int run(Path file, Path keys, String trust, Path evidence, PrintStream out) {
        ObjectMapper json = exact();
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
        ExportCheck check = new ExportCheck(lineage, evidence, json, out);
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    check.line(number, json.readTree(line));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            out.printf("cannot read %s at line %d: %s%n", file, number, unreadable.getMessage());
            return 2;
        }
        return check.end(number);
    }

    /** Amounts in a payload are compared as exact decimals, never through double. */
    private static ObjectMapper exact() {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
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
}
