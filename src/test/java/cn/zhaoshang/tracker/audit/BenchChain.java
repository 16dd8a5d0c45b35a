package cn.zhaoshang.tracker.audit;

/** Lets the benchmark's generator chain the events it appends, exactly as {@link ChainLinks} does. */
public final class BenchChain {

    public static final String GENESIS = HashChain.GENESIS;

    private BenchChain() {}

    public static String next(
            String previous,
            long position,
            String eventIdentifier,
            String aggregateIdentifier,
            long sequenceNumber,
            String type,
            String payloadType,
            String timeStamp,
            byte[] metaData,
            byte[] payload) {
        return HashChain.next(
                previous,
                new StoredEvent(
                        position,
                        eventIdentifier,
                        aggregateIdentifier,
                        sequenceNumber,
                        type,
                        payloadType,
                        "1",
                        timeStamp,
                        metaData,
                        payload));
    }

    private static final SigningKey KEY = SigningKey.generate();

    /** A checkpoint's signature as {@link ChainLinks} makes it, with a key of the benchmark's own. */
    public static String signCheckpoint(long position, String hash) {
        return KEY.sign(SigningKey.checkpointMessage(position, hash));
    }

    public static String keyId() {
        return KEY.id();
    }
}
