package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code verify-export --evidence DIR}: the files an export's {@code EvidenceAttached} events name, downloaded into a
 * folder ({@code GET /api/audit/evidence/{sha256}}), checked against the hash and size each event stored. A file is
 * looked for under its hash's name first, then among all the folder's files by content; each file is read once, in
 * small steps. {@code scripts/VerifyExport.java} prints the same lines.
 */
final class EvidenceFolder {

    private static final String STORED_TYPE = EvidenceAttached.class.getName();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final PrintStream out;
    private final List<Named> named = new ArrayList<>();
    private final Map<Path, String> hashes = new HashMap<>();
    private Map<String, Path> byContent;
    private long matched;

    EvidenceFolder(Path dir, PrintStream out) {
        this.dir = dir;
        this.out = out;
    }

    private record Named(int line, long position, String sha256, long sizeBytes) {}

    /** Notes the file an event names, when the line's stored payload is an {@code EvidenceAttached}. */
    void line(int number, long position, String payloadType, JsonNode payload) {
        if (STORED_TYPE.equals(payloadType) && payload != null) {
            named.add(new Named(
                    number,
                    position,
                    payload.path("sha256").asText(""),
                    payload.path("sizeBytes").asLong(-1)));
        }
    }

    /** Checks every named file; prints each problem and returns how many there were. */
    long check() {
        long problems = 0;
        for (Named file : named) {
            String problem = problem(file);
            if (problem != null) {
                problems++;
                out.printf("%s%n", problem);
            }
        }
        return problems;
    }

    /** The files found and matching, for the verdict. */
    long matched() {
        return matched;
    }

    private String problem(Named file) {
        String at = "at line %d (position %d)".formatted(file.line(), file.position());
        if (!SHA256.matcher(file.sha256()).matches()) {
            return "EVIDENCE UNREADABLE %s: the event names no SHA-256".formatted(at);
        }
        try {
            Path byName = dir.resolve(file.sha256());
            Path found = null;
            String nameHolds = null;
            if (Files.isRegularFile(byName)) {
                nameHolds = hash(byName);
                if (nameHolds.equals(file.sha256())) {
                    found = byName;
                }
            }
            if (found == null) {
                found = content().get(file.sha256());
            }
            if (found == null) {
                return nameHolds != null
                        ? "EVIDENCE ALTERED %s: %s has SHA-256 %s, the event names %s"
                                .formatted(at, byName, nameHolds, file.sha256())
                        : "EVIDENCE MISSING %s: no file with SHA-256 %s in %s".formatted(at, file.sha256(), dir);
            }
            long size = Files.size(found);
            if (size != file.sizeBytes()) {
                return "EVIDENCE SIZE %s: %s has %d bytes, the event says %d"
                        .formatted(at, found, size, file.sizeBytes());
            }
            matched++;
            return null;
        } catch (IOException unreadable) {
            return "EVIDENCE UNREADABLE %s: %s".formatted(at, unreadable.getMessage());
        }
    }

    /** Every regular file of the folder by the SHA-256 of its content, read on first need. */
    private Map<String, Path> content() throws IOException {
        if (byContent == null) {
            byContent = new HashMap<>();
            List<Path> files;
            try (Stream<Path> listing = Files.list(dir)) {
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
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            hashes.put(file, hash);
            return hash;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
