package cn.zhaoshang.tracker.audit.api;

import java.util.Optional;

/** The tamper-evident hash chain as far as it has been written. */
public interface ChainHashes {

    /** The last position the chain covers, empty before the first event. */
    Optional<Long> head();

    /** The chain's value at a position: the hash of the last event at or before it. */
    Optional<String> hashAt(long position);
}
