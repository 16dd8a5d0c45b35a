package cn.zhaoshang.tracker.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The access log: what the caller of the current request read, recorded before the answer's bytes leave. A read that
 * cannot be recorded is not answered ({@link AccessNotRecorded}, HTTP 503), so nothing leaves off the record.
 */
public interface AccessRecords {

    /** What was read. New kinds are added at the end; the stored name is the constant's. */
    enum Kind {
        SIGNED_IN,
        SIGN_IN_FAILED,
        EXPORTED,
        WORKBOOK_DOWNLOADED,
        VERIFIED,
        REPLAYED,
        EVIDENCE_DOWNLOADED
    }

    /**
     * One read, by the current caller, now.
     *
     * @param zoneId the zone the bytes are about, null when they are about no single zone
     * @param period the months a report covers ("2023-01..2023-06"), or null
     * @param position the store position the read was made at, or null
     * @param contentHash SHA-256 (hex) of the bytes sent, or null
     * @param parameters what was asked for, in short (longer text is cut)
     * @param outcome "OK", or what the read found (a verification's result)
     */
    record Read(
            Kind kind,
            String zoneId,
            String period,
            Long position,
            String contentHash,
            String parameters,
            String outcome) {}

    /** Records the read in a transaction of its own; throws {@link AccessNotRecorded} when it cannot. */
    void record(Read read);

    /** The content hash of bytes sent whole: SHA-256, lower-case hex. */
    static String sha256(byte[] sent) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
