package cn.zhaoshang.tracker.audit;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The offline check of an audit export ({@code GET /api/audit/export}), in one file that needs a JDK 17 and nothing
 * else: no build, no library, no server. The same class is the jar's {@code verify-export} (the build compiles
 * {@code scripts/} into the application), so there is one checker, run two ways:
 *
 * <pre>
 * java scripts/VerifyExport.java tracker-events.ndjson [--keys tracker-keys.json] [--trust KEY_ID]
 *                                 [--stamp REPORT.json] [--evidence DIR]
 * java -jar investment-tracker.jar verify-export tracker-events.ndjson [the same options]
 * </pre>
 *
 * Exit status 0 when the export holds, 1 when it does not, 2 when a file cannot be read. It checks each event line's
 * readable fields read again from its stored bytes, the SHA-256 chain over those bytes, each checkpoint's Ed25519
 * signature against the keys the trusted key accepted (the anchor: {@code --trust}, else the key the keys file says is
 * in use), and the trailer line against the lines, so that a file cut short is found. An export of a scope smaller
 * than the whole store leaves other zones' events out: each line names the hash it follows from, and the gaps are
 * counted (in an export of the whole store each is a missing event). With {@code --evidence DIR}, each evidence file
 * an EvidenceAttached event names is checked against the SHA-256 and size it recorded; with {@code --stamp}, a
 * report's or a submission's stamp against the export. It reads JSON itself (numbers as exact decimals) because it may
 * use no library. docs/auditing.md says what each line means.
 */
public class VerifyExport {

    static final String GENESIS = "0".repeat(64);
    static final String USAGE = "usage: java VerifyExport.java FILE [--keys KEYS.json] [--trust KEY_ID]"
            + " [--stamp REPORT.json] [--evidence DIR] (or java -jar investment-tracker.jar verify-export FILE …)";
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.exit(run(args, out));
    }

    static int run(String[] args, PrintStream out) {
        String keys = null;
        String trust = null;
        Path stampFile = null;
        Path evidence = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--keys" -> keys = args[i + 1];
                case "--trust" -> trust = args[i + 1];
                case "--stamp" -> stampFile = Path.of(args[i + 1]);
                case "--evidence" -> evidence = Path.of(args[i + 1]);
                default -> {
                    out.println(USAGE);
                    return 2;
                }
            }
        }
        if (args.length == 0 || args.length % 2 == 0) {
            out.println(USAGE);
            return 2;
        }
        if (stampFile != null && keys == null) {
            out.println(USAGE + " (--stamp needs --keys)");
            return 2;
        }
        if (evidence != null && !Files.isDirectory(evidence)) {
            out.printf("cannot read the evidence folder %s%n", evidence);
            return 2;
        }
        Stamp stamp = null;
        if (stampFile != null) {
            try {
                stamp = Stamp.read(stampFile);
            } catch (IOException | RuntimeException unreadable) {
                out.printf("cannot read the stamp %s: %s%n", stampFile, unreadable.getMessage());
                return 2;
            }
            if (stamp == null) {
                out.printf("STAMP UNREADABLE: %s has no position, positionHash and checkpoint%n", stampFile);
                return 2;
            }
        }
        Path file = Path.of(args[0]);
        Lineage lineage = null;
        if (keys != null) {
            try {
                Object published = Json.parse(Files.readString(Path.of(keys), StandardCharsets.UTF_8));
                lineage = Lineage.of(published, trust != null ? trust : asText(get(published, "inUse")));
            } catch (IOException | RuntimeException unreadable) {
                out.printf("cannot read the keys %s: %s%n", keys, unreadable.getMessage());
                return 2;
            }
            if (lineage.problem() != null) {
                out.printf("KEYS NOT TRUSTED: %s%n", lineage.problem());
                return 1;
            }
        }
        Check check = new Check(
                lineage,
                evidence == null ? null : new Evidence(evidence, out),
                stamp == null ? Set.of() : Set.copyOf(List.of(stamp.position(), stamp.signedAt())),
                out);
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    check.line(number, Json.parse(line));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            out.printf("cannot read %s at line %d: %s%n", file, number, unreadable.getMessage());
            return 2;
        }
        int chain = check.end(number);
        if (chain != 0 || stamp == null) {
            return chain;
        }
        String problem = stamp.problem(check, lineage);
        if (problem != null) {
            out.printf("STAMP BROKEN: %s%n", problem);
            return 1;
        }
        out.printf(
                "STAMP OK: position %d, hash %s, signed at position %d by key %s%n",
                stamp.position(), stamp.positionHash(), stamp.signedAt(), stamp.keyId());
        return 0;
    }

    /**
     * A report's or a submission's stamp: the chain's hash at its {@code position} ({@code positionHash}) and the
     * {@code checkpoint} signed over the chain at or after it. It holds against an export whose chain holds when the
     * export's hashes at both positions are those and the checkpoint is validly signed.
     */
    record Stamp(long position, String positionHash, long signedAt, String signedHash, String keyId, String signature) {

        /** Null when the file holds no position, positionHash and checkpoint. */
        static Stamp read(Path file) throws IOException {
            Object stamp = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            long position = asLong(get(stamp, "position"), -1);
            String positionHash = text(stamp, "positionHash");
            Object checkpoint = get(stamp, "checkpoint");
            if (position < 0 || positionHash == null || !(checkpoint instanceof Map)) {
                return null;
            }
            return new Stamp(
                    position,
                    positionHash,
                    asLong(get(checkpoint, "position")),
                    asText(get(checkpoint, "hash")),
                    asText(get(checkpoint, "keyId")),
                    asText(get(checkpoint, "signature")));
        }

        /** Null when it holds against the chain {@code check} went through; else what does not. */
        String problem(Check check, Lineage lineage) {
            String hashThere = check.hashAt(position);
            String hashSigned = check.hashAt(signedAt);
            if (hashThere == null || hashSigned == null) {
                return "the export does not hold positions %d and %d".formatted(position, signedAt);
            }
            if (!hashThere.equals(positionHash)) {
                return "the chain's hash at position %d is %s, the stamp says %s"
                        .formatted(position, hashThere, positionHash);
            }
            if (!hashSigned.equals(signedHash)) {
                return "the chain's hash at the checkpoint %d is not the one signed".formatted(signedAt);
            }
            return lineage.check(signedAt, hashSigned, keyId, signature);
        }
    }

    /** One pass over the export, line by line. */
    static final class Check {

        private final Lineage lineage;
        private final Evidence evidence;
        private final PrintStream out;
        /** The positions whose hash a stamp asks about, and their hashes once the pass has reached them. */
        private final Set<Long> remember;

        private final Map<Long, String> remembered = new HashMap<>();
        private String previous = GENESIS;
        private long events;
        private long lastPosition;
        private long problems;
        private long signatures;
        private Long signedUpTo;
        private final List<String> gaps = new ArrayList<>();
        private Object trailer;
        private int trailerLine;

        Check(Lineage lineage, Evidence evidence, Set<Long> remember, PrintStream out) {
            this.lineage = lineage;
            this.evidence = evidence;
            this.remember = remember;
            this.out = out;
        }

        /** The chain's hash at a position asked for when the check was made; null if the export does not hold it. */
        String hashAt(long position) {
            return remembered.get(position);
        }

        void line(int number, Object line) {
            if (trailer != null) {
                problem("BROKEN at line %d: a line after the trailer (line %d)", number, trailerLine);
                return;
            }
            if (has(line, "trailer") && !has(line, "position")) {
                trailer = get(line, "trailer");
                trailerLine = number;
                return;
            }
            events++;
            long position = number(line, "position");
            List<String> differing = differing(line);
            if (!differing.isEmpty()) {
                problem(
                        "MISMATCH at line %d (position %d): %s not as stored",
                        number, position, String.join(", ", differing));
            }
            String follows = text(line, "previousHash");
            if (follows != null && !follows.equals(previous)) {
                gaps.add("line %d (position %d)".formatted(number, position));
                previous = follows;
            }
            String expected = nextHash(previous, line);
            String hash = text(line, "hash");
            if (!expected.equals(hash)) {
                problem(
                        "BROKEN at line %d (position %d): expected hash %s, the export says %s",
                        number, position, expected, hash);
            }
            previous = hash == null ? expected : hash;
            lastPosition = position;
            if (remember.contains(position)) {
                remembered.put(position, previous);
            }
            if (evidence != null) {
                evidence.line(
                        number,
                        position,
                        text(get(line, "stored"), "payloadType"),
                        parsed(get(line, "stored"), "payload"));
            }
            Object checkpoint = get(line, "checkpoint");
            if (lineage != null && checkpoint != null && checkpoint != NULL) {
                String invalid = lineage.check(
                        position, previous, asText(get(checkpoint, "keyId")), asText(get(checkpoint, "signature")));
                if (invalid != null) {
                    problem("BROKEN at line %d (position %d): %s", number, position, invalid);
                } else {
                    signatures++;
                    signedUpTo = position;
                }
            }
        }

        int end(int lines) {
            if (trailer == null) {
                problem("CUT after line %d: no trailer line, the export ends early", lines);
            } else {
                checkTrailer();
            }
            boolean whole = trailer != null && asBoolean(get(trailer, "wholeStore"));
            if (lineage != null && events > 0 && (signedUpTo == null || signedUpTo < lastPosition)) {
                if (gaps.isEmpty() || whole) {
                    problem(
                            "BROKEN after position %d: no valid signed checkpoint covers the events up to position %d"
                                    + " (appended by someone without the key)",
                            signedUpTo == null ? 0 : signedUpTo, lastPosition);
                } else {
                    out.printf(
                            "the last events (after position %d) are covered by checkpoints outside this export's"
                                    + " scope%n",
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
                out.printf("%d evidence files match the hash and size their events recorded%n", evidence.matched);
            }
            if (!gaps.isEmpty()) {
                out.printf(
                        "%d gaps: events outside the export's scope are left out; each event's hash follows from the"
                                + " hash its line names%n",
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
                problem(
                        "TRAILER at line %d: says head hash %s, the chain's head is %s",
                        trailerLine, headHash, previous);
            }
            if (asBoolean(get(trailer, "wholeStore"))) {
                for (String gap : gaps) {
                    problem("MISSING before %s: an export of the whole store has no gap", gap);
                }
            }
            Object signed = get(trailer, "checkpoint");
            if (signed == null || signed == NULL) {
                return;
            }
            long position = number(signed, "position");
            String hash = text(signed, "hash");
            if (position != head || !previous.equals(hash)) {
                problem("TRAILER at line %d: its checkpoint is not the chain's head", trailerLine);
            } else if (lineage != null) {
                String invalid =
                        lineage.check(position, hash, asText(get(signed, "keyId")), asText(get(signed, "signature")));
                if (invalid != null) {
                    problem("TRAILER at line %d: %s", trailerLine, invalid);
                }
            }
        }

        private void problem(String format, Object... values) {
            problems++;
            out.printf(format + "%n", values);
        }
    }

    /**
     * The evidence files an export names, in a folder: each looked for under its hash's name, then among all the
     * folder's files by content.
     */
    static final class Evidence {

        private static final String STORED_TYPE = "cn.zhaoshang.tracker.project.api.EvidenceAttached";

        private final Path dir;
        private final PrintStream out;
        private final List<long[]> at = new ArrayList<>();
        private final List<String> sha256s = new ArrayList<>();
        private final Map<Path, String> hashes = new HashMap<>();
        private Map<String, Path> byContent;
        long matched;

        Evidence(Path dir, PrintStream out) {
            this.dir = dir;
            this.out = out;
        }

        void line(int number, long position, String payloadType, Object payload) {
            if (STORED_TYPE.equals(payloadType) && payload instanceof Map<?, ?>) {
                Object sha256 = get(payload, "sha256");
                Object size = get(payload, "sizeBytes");
                at.add(new long[] {number, position, size instanceof Json.Num ? asLong(size) : -1});
                sha256s.add(sha256 instanceof String text ? text : "");
            }
        }

        long check() {
            long problems = 0;
            for (int i = 0; i < at.size(); i++) {
                String problem = problem((int) at.get(i)[0], at.get(i)[1], sha256s.get(i), at.get(i)[2]);
                if (problem != null) {
                    problems++;
                    out.printf("%s%n", problem);
                }
            }
            return problems;
        }

        private String problem(int line, long position, String sha256, long sizeBytes) {
            String at = "at line %d (position %d)".formatted(line, position);
            if (!sha256.matches("[0-9a-f]{64}")) {
                return "EVIDENCE UNREADABLE %s: the event names no SHA-256".formatted(at);
            }
            try {
                Path byName = dir.resolve(sha256);
                Path found = null;
                String nameHolds = null;
                if (Files.isRegularFile(byName)) {
                    nameHolds = hash(byName);
                    if (nameHolds.equals(sha256)) {
                        found = byName;
                    }
                }
                if (found == null) {
                    found = content().get(sha256);
                }
                if (found == null) {
                    return nameHolds != null
                            ? "EVIDENCE ALTERED %s: %s has SHA-256 %s, the event names %s"
                                    .formatted(at, byName, nameHolds, sha256)
                            : "EVIDENCE MISSING %s: no file with SHA-256 %s in %s".formatted(at, sha256, dir);
                }
                long size = Files.size(found);
                if (size != sizeBytes) {
                    return "EVIDENCE SIZE %s: %s has %d bytes, the event says %d".formatted(at, found, size, sizeBytes);
                }
                matched++;
                return null;
            } catch (IOException unreadable) {
                return "EVIDENCE UNREADABLE %s: %s".formatted(at, unreadable.getMessage());
            }
        }

        private Map<String, Path> content() throws IOException {
            if (byContent == null) {
                byContent = new HashMap<>();
                List<Path> files;
                try (java.util.stream.Stream<Path> listing = Files.list(dir)) {
                    files = listing.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    byContent.putIfAbsent(hash(file), file);
                }
            }
            return byContent;
        }

        private String hash(Path file) throws IOException {
            String known = hashes.get(file);
            if (known != null) {
                return known;
            }
            try (java.io.InputStream in = Files.newInputStream(file)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, read);
                }
                String hash = HexFormat.of().formatHex(digest.digest());
                hashes.put(file, hash);
                return hash;
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** The readable fields that say something other than the line's stored bytes. */
    static List<String> differing(Object line) {
        Object stored = get(line, "stored");
        List<String> differing = new ArrayList<>();
        if (has(stored, "aggregateIdentifier")
                && !sameText(get(line, "aggregateId"), text(stored, "aggregateIdentifier"))) {
            differing.add("aggregateId");
        }
        if (has(stored, "sequenceNumber") && !sameNumber(get(line, "sequence"), get(stored, "sequenceNumber"))) {
            differing.add("sequence");
        }
        String payloadType = text(stored, "payloadType");
        String simpleName = payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
        if (!sameText(get(line, "type"), simpleName)) {
            differing.add("type");
        }
        if (!sameInstant(get(line, "recordedAt"), text(stored, "timeStamp"))) {
            differing.add("recordedAt");
        }
        Object metaData = parsed(stored, "metaData");
        if (metaData == null || !sameText(get(line, "recordedBy"), text(metaData, "recordedBy"))) {
            differing.add("recordedBy");
        }
        Object payload = parsed(stored, "payload");
        if (payload == null || !sameText(get(line, "reason"), text(payload, "reason"))) {
            differing.add("reason");
        }
        Object readable = get(line, "payload");
        if (payload == null || readable == null || !sameValue(readable, payload)) {
            differing.add("payload");
        }
        return differing;
    }

    /** JSON of stored bytes; NULL for missing bytes, null for bytes that are not JSON. */
    private static Object parsed(Object stored, String field) {
        String base64 = text(stored, field);
        try {
            return base64 == null
                    ? NULL
                    : Json.parse(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static boolean sameText(Object readable, String stored) {
        return stored == null
                ? readable == null || readable == NULL
                : readable instanceof String text && text.equals(stored);
    }

    private static boolean sameNumber(Object readable, Object stored) {
        return readable instanceof Json.Num one
                && one.integral()
                && stored instanceof Json.Num other
                && other.integral()
                && one.value().longValue() == other.value().longValue();
    }

    private static boolean sameInstant(Object readable, String stored) {
        try {
            return readable instanceof String text
                    && stored != null
                    && Instant.parse(text).equals(Instant.parse(stored));
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }

    /** Equal as JSON: numbers by value, objects whatever the order of their fields. */
    private static boolean sameValue(Object one, Object other) {
        if (one instanceof Json.Num a && other instanceof Json.Num b) {
            return a.value().compareTo(b.value()) == 0;
        }
        if (one instanceof Map<?, ?> a && other instanceof Map<?, ?> b) {
            return a.size() == b.size()
                    && a.entrySet().stream()
                            .allMatch(entry -> b.containsKey(entry.getKey())
                                    && sameValue(entry.getValue(), b.get(entry.getKey())));
        }
        if (one instanceof List<?> a && other instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(one, other);
    }

    // -- the hash chain: docs/auditing.md, "How the chain is built"

    static String nextHash(String previousHash, Object line) {
        Object stored = get(line, "stored");
        if (stored == null) {
            throw new IllegalArgumentException("a line without its stored fields");
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            field(digest, previousHash);
            field(digest, Long.toString(number(line, "position")));
            field(digest, text(stored, "eventIdentifier"));
            field(
                    digest,
                    has(stored, "aggregateIdentifier")
                            ? text(stored, "aggregateIdentifier")
                            : text(line, "aggregateId"));
            field(
                    digest,
                    Long.toString(
                            has(stored, "sequenceNumber")
                                    ? number(stored, "sequenceNumber")
                                    : number(line, "sequence")));
            field(digest, text(stored, "type"));
            field(digest, text(stored, "payloadType"));
            field(digest, text(stored, "payloadRevision"));
            field(digest, text(stored, "timeStamp"));
            field(digest, bytes(stored, "metaData"));
            field(digest, bytes(stored, "payload"));
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void field(MessageDigest digest, String text) {
        field(digest, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest digest, byte[] value) {
        String length = value == null ? "-1" : Integer.toString(value.length);
        digest.update(length.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        if (value != null) {
            digest.update(value);
        }
        digest.update((byte) '\n');
    }

    private static byte[] bytes(Object node, String field) {
        String base64 = text(node, field);
        return base64 == null ? null : Base64.getDecoder().decode(base64);
    }

    // -- the keys: which ones the trusted key accepted, and what they signed

    record Key(
            String keyId,
            String publicKey,
            long validFrom,
            String predecessor,
            String announcementSignature,
            String acceptanceSignature) {}

    /**
     * The keys a check trusts: the anchor (the key the application holds, or the one an auditor pinned) and, going
     * back, each key it accepted as its predecessor, every announcement signed by the key before it and accepted by
     * the key itself. A key announced but not in this line is unknown, and so is every checkpoint it signed. The
     * application's own verification (ChainVerifier) trusts keys by this class too.
     */
    static final class Lineage {

        private final List<Key> trusted;
        private final String problem;
        /** Each trusted key decoded once: a check verifies thousands of signatures with a handful of keys. */
        private final Map<String, PublicKey> decoded = new HashMap<>();

        private Lineage(List<Key> trusted, String problem) {
            this.trusted = trusted;
            this.problem = problem;
        }

        /** From the saved answer of GET /api/audit/keys. */
        static Lineage of(Object published, String anchor) {
            List<Key> keys = new ArrayList<>();
            if (get(published, "keys") instanceof List<?> list) {
                for (Object key : list) {
                    keys.add(new Key(
                            asText(get(key, "keyId")),
                            asText(get(key, "publicKey")),
                            asLong(get(key, "validFrom")),
                            text(key, "predecessor"),
                            asText(get(key, "announcementSignature")),
                            asText(get(key, "acceptanceSignature"))));
                }
            }
            return of(keys, anchor);
        }

        static Lineage of(List<Key> keys, String anchor) {
            Map<String, Key> byId = new HashMap<>();
            keys.forEach(key -> byId.put(key.keyId(), key));
            List<Key> line = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Key key = byId.get(anchor);
            if (key == null) {
                return new Lineage(List.of(), "密钥 %s 从未公布 / the key %s was never announced".formatted(anchor, anchor));
            }
            while (key != null) {
                String announcement = "tracker-key\n" + key.keyId() + "\n" + key.publicKey() + "\n" + key.validFrom();
                Key predecessor = key.predecessor() == null ? null : byId.get(key.predecessor());
                boolean accepted = idOf(key.publicKey()).equals(key.keyId())
                        && verify(
                                key.publicKey(),
                                announcement + "\nfollows " + (key.predecessor() == null ? "none" : key.predecessor()),
                                key.acceptanceSignature());
                String announcer = key.predecessor() == null
                        ? key.publicKey()
                        : predecessor == null ? null : predecessor.publicKey();
                boolean announced = announcer != null
                        && verify(announcer, announcement, key.announcementSignature())
                        && (predecessor == null || predecessor.validFrom() < key.validFrom());
                if (!accepted || !announced || !seen.add(key.keyId())) {
                    return new Lineage(
                            List.of(),
                            "密钥 %s 的公布签名无效 / the announcement of key %s is not validly signed"
                                    .formatted(key.keyId(), key.keyId()));
                }
                line.add(key);
                key = predecessor;
            }
            Collections.reverse(line);
            return new Lineage(List.copyOf(line), null);
        }

        /** Null when the line of keys holds; else what is wrong with it. */
        String problem() {
            return problem;
        }

        /** Null when the checkpoint is signed by the key of its period; else why not. */
        String check(long position, String hash, String keyId, String signature) {
            String wrongKey = keyProblem(position, keyId);
            return wrongKey != null ? wrongKey : signatureProblem(position, hash, signature);
        }

        /** Null when {@code keyId} is the trusted key of the position's period; else why not. */
        String keyProblem(long position, String keyId) {
            Key key = keyAt(position);
            if (key == null || !key.keyId().equals(keyId)) {
                return ("位置 %d 的检查点由未知或不当期的密钥 %s 签名 / the checkpoint at position %d is signed by key %s, not the"
                                + " key of its period")
                        .formatted(position, keyId, position, keyId);
            }
            return null;
        }

        /** Null when the signature is the period's key's over the chain's hash at the position; else why not. */
        String signatureProblem(long position, String hash, String signature) {
            Key key = keyAt(position);
            PublicKey publicKey =
                    key == null ? null : decoded.computeIfAbsent(key.keyId(), id -> decode(key.publicKey()));
            if (publicKey == null || !verify(publicKey, "tracker-checkpoint\n" + position + "\n" + hash, signature)) {
                return "位置 %d 的检查点签名无效 / the checkpoint at position %d has an invalid signature"
                        .formatted(position, position);
            }
            return null;
        }

        private Key keyAt(long position) {
            Key found = null;
            for (Key key : trusted) {
                if (key.validFrom() <= position) {
                    found = key;
                }
            }
            return found;
        }
    }

    static boolean verify(String publicKeyBase64, String message, String signatureBase64) {
        PublicKey key = decode(publicKeyBase64);
        return key != null && verify(key, message, signatureBase64);
    }

    /** The public key of its base64 X.509 encoding, or null if it is not one. */
    static PublicKey decode(String publicKeyBase64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return null;
        }
    }

    static boolean verify(PublicKey key, String message, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The first 16 hex digits of the SHA-256 of the public key's X.509 bytes. */
    static String idOf(String publicKeyBase64) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getDecoder().decode(publicKeyBase64));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return "invalid";
        }
    }

    // -- reading JSON values: objects as maps, arrays as lists, numbers exact, JSON null as NULL, missing as null

    static Object get(Object node, String field) {
        return node instanceof Map<?, ?> object ? object.get(field) : null;
    }

    static boolean has(Object node, String field) {
        return node instanceof Map<?, ?> object && object.containsKey(field);
    }

    /** A field as the application reads it: any value as its text, a missing or null one as null. */
    static String text(Object node, String field) {
        Object value = get(node, field);
        return value == null || value == NULL ? null : asText(value);
    }

    /** A whole number, or -1 for anything else. */
    static long number(Object node, String field) {
        return get(node, field) instanceof Json.Num number && number.integral()
                ? number.value().longValue()
                : -1;
    }

    static String asText(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return "";
        }
        if (value instanceof Json.Num number) {
            return number.value().toString();
        }
        return value.toString();
    }

    static long asLong(Object value) {
        return asLong(value, 0);
    }

    /** A number or a number's text as a long; {@code otherwise} for anything else. */
    static long asLong(Object value, long otherwise) {
        if (value instanceof Json.Num number) {
            return number.value().longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException notANumber) {
                return otherwise;
            }
        }
        return otherwise;
    }

    static boolean asBoolean(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Json.Num number) {
            return number.value().signum() != 0;
        }
        return value instanceof String text && text.trim().equals("true");
    }

    /** A small JSON reader: one value from the start of the text. */
    static final class Json {

        /** A number as written: {@code integral} when it has neither fraction nor exponent. */
        record Num(BigDecimal value, boolean integral) {}

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            json.space();
            return json.value();
        }

        private Object value() {
            if (at >= text.length()) {
                throw fail("the text ends where a value should be");
            }
            char next = text.charAt(at);
            switch (next) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return word("true", Boolean.TRUE);
                case 'f':
                    return word("false", Boolean.FALSE);
                case 'n':
                    return word("null", NULL);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return object;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw fail("a field name should start here");
                }
                String name = string();
                space();
                expect(':');
                space();
                object.put(name, value());
                space();
                char next = take();
                if (next == '}') {
                    return object;
                }
                if (next != ',') {
                    throw fail("',' or '}' expected");
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return array;
            }
            while (true) {
                space();
                array.add(value());
                space();
                char next = take();
                if (next == ']') {
                    return array;
                }
                if (next != ',') {
                    throw fail("',' or ']' expected");
                }
            }
        }

        private String string() {
            at++;
            StringBuilder string = new StringBuilder();
            while (true) {
                char next = take();
                if (next == '"') {
                    return string.toString();
                }
                if (next < 0x20) {
                    throw fail("a control character inside a string");
                }
                if (next != '\\') {
                    string.append(next);
                    continue;
                }
                char escaped = take();
                switch (escaped) {
                    case '"', '\\', '/' -> string.append(escaped);
                    case 'b' -> string.append('\b');
                    case 'f' -> string.append('\f');
                    case 'n' -> string.append('\n');
                    case 'r' -> string.append('\r');
                    case 't' -> string.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw fail("a broken \\u escape");
                        }
                        string.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw fail("an unknown escape");
                }
            }
        }

        private Num number() {
            int start = at;
            boolean integral = true;
            if (peek() == '-') {
                at++;
            }
            while (at < text.length()) {
                char next = text.charAt(at);
                if (next == '.' || next == 'e' || next == 'E') {
                    integral = false;
                } else if (!(Character.isDigit(next) || next == '+' || next == '-')) {
                    break;
                }
                at++;
            }
            try {
                return new Num(new BigDecimal(text.substring(start, at)), integral);
            } catch (NumberFormatException notANumber) {
                at = start;
                throw fail("a value should start here");
            }
        }

        private Object word(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw fail("a value should start here");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private char take() {
            if (at >= text.length()) {
                throw fail("the text ends inside a value");
            }
            return text.charAt(at++);
        }

        private void expect(char wanted) {
            if (take() != wanted) {
                at--;
                throw fail("'" + wanted + "' expected");
            }
        }

        private IllegalArgumentException fail(String why) {
            return new IllegalArgumentException("not JSON at column " + (at + 1) + ": " + why);
        }
    }
}
