package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.ArrivalId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A 64-bit fingerprint (FNV-1a of its characters) of every arrival id a project ever recorded, retracted or not,
 * kept sorted. The aggregate needs no more of its arrivals to refuse an id recorded before: 8 bytes each instead of
 * the whole arrival, so the snapshot of a project with 10,000 arrivals stays near 100 KB (R4, docs/performance.md).
 * A match only says "maybe": the caller confirms it in the project's own events ({@link ProjectArrivals}), so that
 * two ids sharing a fingerprint (expected about once in 2^64 comparisons) can never refuse a new arrival.
 * Stored as one binary value (base64 in the snapshot's JSON).
 */
final class ArrivalFingerprints {

    private long[] sorted;
    private int size;

    ArrivalFingerprints() {
        this(new long[16], 0);
    }

    private ArrivalFingerprints(long[] sorted, int size) {
        this.sorted = sorted;
        this.size = size;
    }

    boolean mayContain(ArrivalId id) {
        return Arrays.binarySearch(sorted, 0, size, of(id)) >= 0;
    }

    void add(ArrivalId id) {
        long print = of(id);
        int found = Arrays.binarySearch(sorted, 0, size, print);
        if (found >= 0) {
            return;
        }
        int at = -found - 1;
        if (size == sorted.length) {
            sorted = Arrays.copyOf(sorted, sorted.length * 2);
        }
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = print;
        size++;
    }

    int size() {
        return size;
    }

    @JsonValue
    byte[] bytes() {
        ByteBuffer bytes = ByteBuffer.allocate(size * Long.BYTES);
        bytes.asLongBuffer().put(sorted, 0, size);
        return bytes.array();
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ArrivalFingerprints of(byte[] bytes) {
        int size = bytes.length / Long.BYTES;
        long[] sorted = new long[Math.max(16, size)];
        ByteBuffer.wrap(bytes).asLongBuffer().get(sorted, 0, size);
        return new ArrivalFingerprints(sorted, size);
    }

    /**
     * FNV-1a, 64 bits: cheap (it runs for every arrival sourced into the aggregate) and fixed forever by the
     * aggregate's revision. Not a cryptographic hash: an id crafted to collide only costs a read of the events.
     */
    private static long of(ArrivalId id) {
        long hash = 0xcbf29ce484222325L;
        String value = id.value();
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrivalFingerprints that && Arrays.equals(sorted, 0, size, that.sorted, 0, that.size);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(Arrays.copyOf(sorted, size));
    }
}
