package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.web.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Receives an evidence file: copies it to a temporary file in 64 KB steps while computing its SHA-256 and counting its
 * bytes, so that memory stays small whatever arrives; refuses it (413) as soon as it passes
 * {@code tracker.evidence.max-bytes}, and (415) when its content is none of the accepted kinds ({@link EvidenceTypes}).
 */
@Component
class EvidenceUpload {

    /** The longest file name kept, in characters; a longer one keeps its end (the extension). */
    static final int NAME_LENGTH = 200;

    private final long maxBytes;

    EvidenceUpload(@Value("${tracker.evidence.max-bytes:10485760}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** A received file on disk; closing it removes the temporary file. */
    record Received(Path path, String sha256, long sizeBytes, String mediaType, String fileName)
            implements AutoCloseable {

        @Override
        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Received receive(InputStream body, String originalName) throws IOException {
        Path file = Files.createTempFile("evidence-", ".upload");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = body;
                    OutputStream out = Files.newOutputStream(file)) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    size += read;
                    if (size > maxBytes) {
                        throw refused(
                                HttpStatus.PAYLOAD_TOO_LARGE,
                                "payload-too-large",
                                "凭证文件超过 %d 字节 / the evidence file is larger than %d bytes"
                                        .formatted(maxBytes, maxBytes));
                    }
                    sha256.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            String name = fileName(originalName);
            String type = EvidenceTypes.of(file, name)
                    .orElseThrow(() -> refused(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-media-type",
                            "凭证只能是 PDF、PNG、JPEG 或 Office 文件（按内容判断）/ evidence must be a PDF, PNG, JPEG or"
                                    + " Office file (judged by its content)"));
            return new Received(file, HexFormat.of().formatHex(sha256.digest()), size, type, name);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } catch (NoSuchAlgorithmException impossible) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The name as the sender's system gave it, without any folder, control or path characters, at most
     * {@link #NAME_LENGTH} characters; "evidence" when nothing is left.
     */
    static String fileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}\"*:<>?|]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "evidence";
        }
        int length = name.codePointCount(0, name.length());
        if (length > NAME_LENGTH) {
            name = name.substring(name.offsetByCodePoints(0, length - NAME_LENGTH));
        }
        return name;
    }

    static ErrorResponseException refused(HttpStatus status, String kind, String detail) {
        return new ErrorResponseException(status, Problems.of(status, kind, detail), null);
    }
}
