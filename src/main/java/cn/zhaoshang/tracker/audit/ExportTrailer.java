package cn.zhaoshang.tracker.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The last line of an export, {@code {"trailer": {…}}}: how many event lines come before it, the last one's position
 * and hash, and the signed checkpoint there. A file cut short has none, or one that disagrees with its lines. It has
 * no {@code position}, so a reader of event lines can tell it apart; an export of the whole store says
 * {@code wholeStore}, so that any gap in it is a missing event rather than another zone's.
 */
record ExportTrailer(long events, long headPosition, String headHash, boolean wholeStore, SignedHead checkpoint) {

    /** The chain's signature at the head: the checkpoint the head's line carries, with the position and hash signed. */
    record SignedHead(long position, String hash, String keyId, String signature) {}

    /** What is written: the trailer under its one key. */
    record Line(ExportTrailer trailer) {}

    /** The trailer of an export of no event: the head is the chain's start. */
    static ExportTrailer empty(boolean wholeStore) {
        return new ExportTrailer(0, 0, HashChain.GENESIS, wholeStore, null);
    }

    /** The trailer after one more event line. */
    ExportTrailer after(EventLog.Entry entry) {
        SignedHead signed = entry.checkpoint() == null
                ? null
                : new SignedHead(
                        entry.position(),
                        entry.hash(),
                        entry.checkpoint().keyId(),
                        entry.checkpoint().signature());
        return new ExportTrailer(events + 1, entry.position(), entry.hash(), wholeStore, signed);
    }

    static boolean isTrailer(JsonNode line) {
        return line.has("trailer") && !line.has("position");
    }
}
