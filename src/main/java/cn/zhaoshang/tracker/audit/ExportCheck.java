package cn.zhaoshang.tracker.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One pass over an export, line by line: each event's readable fields against its stored bytes, its link in the
 * chain, its checkpoint's signature; then the trailer against the lines. Every problem is printed, not only the first;
 * {@code scripts/VerifyExport.java} prints the same lines, word for word.
 */
final class ExportCheck {

    private final KeyLineage lineage;
    private final ObjectMapper json;
    private final PrintStream out;
    private final EvidenceFolder evidence;

    private String previous = HashChain.GENESIS;
    private long events;
    private long lastPosition;
    private long problems;
    private long signatures;
    private Long signedUpTo;
    private final List<String> gaps = new ArrayList<>();
    private JsonNode trailer;
    private int trailerLine;

    /** {@code lineage}: the trusted keys, or null to check the chain only. */
    ExportCheck(KeyLineage lineage, ObjectMapper json, PrintStream out) {
        this(lineage, null, json, out);
    }

    /** {@code evidence}: the folder of the evidence files the export names, or null to leave them unchecked. */
    ExportCheck(KeyLineage lineage, Path evidence, ObjectMapper json, PrintStream out) {
        this.lineage = lineage;
        this.json = json;
        this.out = out;
        this.evidence = evidence == null ? null : new EvidenceFolder(evidence, out);
    }

    void line(int number, JsonNode line) {
        if (trailer != null) {
            problem("BROKEN at line %d: a line after the trailer (line %d)", number, trailerLine);
            return;
        }
        if (ExportTrailer.isTrailer(line)) {
            trailer = line.get("trailer");
            trailerLine = number;
            return;
        }
        events++;
        long position = number(line, "position");
        List<String> differing = ReadableFields.differing(line, json);
        if (!differing.isEmpty()) {
            problem(
                    "MISMATCH at line %d (position %d): %s not as stored",
                    number, position, String.join(", ", differing));
        }
        String follows = text(line, "previousHash");
        if (follows != null && !follows.equals(previous)) {
            // events left out of a scope's export: this one follows the hash the export says
            gaps.add("line %d (position %d)".formatted(number, position));
            previous = follows;
        }
        String expected = HashChain.next(previous, stored(line));
        String hash = text(line, "hash");
        if (!expected.equals(hash)) {
            problem(
                    "BROKEN at line %d (position %d): expected hash %s, the export says %s",
                    number, position, expected, hash);
        }
        // the next line is checked against what this one says, so that one edit is reported once
        previous = hash == null ? expected : hash;
        lastPosition = position;
        if (evidence != null) {
            evidence.line(number, position, text(line.path("stored"), "payloadType"), storedPayload(line));
        }
        JsonNode checkpoint = line.get("checkpoint");
        if (lineage != null && checkpoint != null && !checkpoint.isNull()) {
            String invalid = lineage.check(
                    position,
                    previous,
                    checkpoint.path("keyId").asText(),
                    checkpoint.path("signature").asText());
            if (invalid != null) {
                problem("BROKEN at line %d (position %d): %s", number, position, invalid);
            } else {
                signatures++;
                signedUpTo = position;
            }
        }
    }

    /** After the last line: the trailer, the signed head, then the verdict. Exit status 0 or 1. */
    int end(int lines) {
        if (trailer == null) {
            problem("CUT after line %d: no trailer line, the export ends early", lines);
        } else {
            checkTrailer();
        }
        boolean whole = trailer != null && trailer.path("wholeStore").asBoolean();
        if (lineage != null && events > 0 && (signedUpTo == null || signedUpTo < lastPosition)) {
            if (gaps.isEmpty() || whole) {
                problem(
                        "BROKEN after position %d: no valid signed checkpoint covers the events up to position %d"
                                + " (appended by someone without the key)",
                        signedUpTo == null ? 0 : signedUpTo, lastPosition);
            } else {
                out.printf(
                        "the last events (after position %d) are covered by checkpoints outside this export's scope%n",
                        signedUpTo == null ? 0 : signedUpTo);
            }
        }
        if (evidence != null) {
            problems += evidence.check();
        }
        if (problems > 0) {
            out.printf("FAILED: %d problems%n", problems);
            return 1;
        }
        out.printf("OK %d events, head hash %s%n", events, previous);
        if (lineage != null) {
            out.printf("%d checkpoint signatures valid, signed up to position %s%n", signatures, signedUpTo);
        }
        if (evidence != null) {
            out.printf("%d evidence files match the hash and size their events recorded%n", evidence.matched());
        }
        if (!gaps.isEmpty()) {
            out.printf(
                    "%d gaps: events outside the export's scope are left out; each event's hash follows from the hash"
                            + " its line names%n",
                    gaps.size());
        }
        return 0;
    }

    private void checkTrailer() {
        long said = number(trailer, "events");
        if (said != events) {
            problem("TRAILER at line %d: says %d events, the file holds %d", trailerLine, said, events);
        }
        long head = number(trailer, "headPosition");
        if (head != lastPosition) {
            problem(
                    "TRAILER at line %d: says head position %d, the last event is at position %d",
                    trailerLine, head, lastPosition);
        }
        String headHash = text(trailer, "headHash");
        if (!previous.equals(headHash)) {
            problem("TRAILER at line %d: says head hash %s, the chain's head is %s", trailerLine, headHash, previous);
        }
        if (trailer.path("wholeStore").asBoolean()) {
            for (String gap : gaps) {
                problem("MISSING before %s: an export of the whole store has no gap", gap);
            }
        }
        JsonNode signed = trailer.get("checkpoint");
        if (signed == null || signed.isNull()) {
            return;
        }
        long position = number(signed, "position");
        String hash = text(signed, "hash");
        if (position != head || !previous.equals(hash)) {
            problem("TRAILER at line %d: its checkpoint is not the chain's head", trailerLine);
        } else if (lineage != null) {
            String invalid = lineage.check(
                    position,
                    hash,
                    signed.path("keyId").asText(),
                    signed.path("signature").asText());
            if (invalid != null) {
                problem("TRAILER at line %d: %s", trailerLine, invalid);
            }
        }
    }

    private void problem(String format, Object... values) {
        problems++;
        out.printf(format + "%n", values);
    }

    /** What the hash covers: the stored fields only (older exports name the stream and sequence only outside). */
    static StoredEvent stored(JsonNode line) {
        JsonNode stored = line.get("stored");
        return new StoredEvent(
                number(line, "position"),
                text(stored, "eventIdentifier"),
                stored.has("aggregateIdentifier") ? text(stored, "aggregateIdentifier") : text(line, "aggregateId"),
                stored.has("sequenceNumber") ? number(stored, "sequenceNumber") : number(line, "sequence"),
                text(stored, "type"),
                text(stored, "payloadType"),
                text(stored, "payloadRevision"),
                text(stored, "timeStamp"),
                bytes(stored, "metaData"),
                bytes(stored, "payload"));
    }

    /** The stored payload as JSON, what the hash covers; null when it is not JSON. */
    private JsonNode storedPayload(JsonNode line) {
        try {
            byte[] payload = bytes(line.path("stored"), "payload");
            return payload == null ? null : json.readTree(payload);
        } catch (IOException | IllegalArgumentException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A whole number, or -1 for anything else: numbers are not read from text or fractions here. */
    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isIntegralNumber() ? value.longValue() : -1;
    }

    private static byte[] bytes(JsonNode node, String field) {
        String base64 = text(node, field);
        return base64 == null ? null : Base64.getDecoder().decode(base64);
    }
}
