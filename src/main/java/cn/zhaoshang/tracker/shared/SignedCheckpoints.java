package cn.zhaoshang.tracker.shared;

import java.util.Optional;

/**
 * The signed checkpoint a figure stands on: the first one at or after its position (the end of the commit that stored
 * the event at that position). The audit slice keeps them; they are in the kernel so that a slice the audit reads
 * from (the submissions') may stamp what it shows too.
 */
public interface SignedCheckpoints {

    Optional<Stamp> covering(long position);

    /** The chain's {@code hash} at {@code position}, signed by the key {@code keyId} (docs/auditing.md). */
    record Stamp(long position, String hash, String keyId, String signature) {}
}
