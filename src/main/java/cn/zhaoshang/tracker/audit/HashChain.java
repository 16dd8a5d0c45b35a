package cn.zhaoshang.tracker.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * hash(n) = SHA-256 of the canonical bytes of (hash(n-1), the stored event n). The canonical bytes are every field
 * in a fixed order, each written as {@code <byte length>:<bytes>\n} (text as UTF-8, a missing value as
 * {@code -1:\n}), so that no two different events can produce the same bytes. docs/auditing.md shows how to
 * recompute it by hand.
 */
final class HashChain {

    /** The "previous hash" of the first event. */
    static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    static String next(String previousHash, StoredEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        field(bytes, previousHash);
        field(bytes, Long.toString(event.position()));
        field(bytes, event.eventIdentifier());
        field(bytes, event.aggregateIdentifier());
        field(bytes, Long.toString(event.sequenceNumber()));
        field(bytes, event.type());
        field(bytes, event.payloadType());
        field(bytes, event.payloadRevision());
        field(bytes, event.timeStamp());
        field(bytes, event.metaData());
        field(bytes, event.payload());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void field(ByteArrayOutputStream bytes, String text) {
        field(bytes, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream bytes, byte[] value) {
        String length = value == null ? "-1" : Integer.toString(value.length);
        bytes.writeBytes(length.getBytes(StandardCharsets.US_ASCII));
        bytes.write(':');
        if (value != null) {
            bytes.writeBytes(value);
        }
        bytes.write('\n');
    }
}
