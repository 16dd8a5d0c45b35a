package cn.zhaoshang.tracker.audit;

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

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    });

    static String next(String previousHash, StoredEvent event) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        field(digest, previousHash);
        field(digest, Long.toString(event.position()));
        field(digest, event.eventIdentifier());
        field(digest, event.aggregateIdentifier());
        field(digest, Long.toString(event.sequenceNumber()));
        field(digest, event.type());
        field(digest, event.payloadType());
        field(digest, event.payloadRevision());
        field(digest, event.timeStamp());
        field(digest, event.metaData());
        field(digest, event.payload());
        return HexFormat.of().formatHex(digest.digest());
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
}
