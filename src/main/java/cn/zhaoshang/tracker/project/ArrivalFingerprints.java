package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.ArrivalId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A 32-bit fingerprint (FNV-1a of its characters) of every arrival id a project ever recorded, retracted or not,
 * kept sorted. The aggregate needs no more of its arrivals to refuse an id recorded before: 4 bytes each instead of
 * the whole arrival, so the snapshot of a project with 10,000 arrivals stays near 53 KB (R4, docs/performance.md).
 * A match only says "maybe": the caller confirms it in the project's own events ({@link ProjectArrivals}), so that
 * two ids sharing a fingerprint can never refuse a new arrival; with 10,000 arrivals a new id matches by chance
 * about once in 430,000, and then costs one read of the project's events. Stored as one binary value (base64 in
 * the snapshot's JSON).
 */
final class ArrivalFingerprints {

    private int[] sorted;
    private int size;

    ArrivalFingerprints() {
        this(new int[16], 0);
    }

    private ArrivalFingerprints(int[] sorted, int size) {
        this.sorted = sorted;
        this.size = size;
    }

    boolean mayContain(ArrivalId id) {
        return Arrays.binarySearch(sorted, 0, size, of(id)) >= 0;
    }

    void add(ArrivalId id) {
        int print = of(id);
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
        ByteBuffer bytes = ByteBuffer.allocate(size * Integer.BYTES);
        bytes.asIntBuffer().put(sorted, 0, size);
        return bytes.array();
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ArrivalFingerprints of(byte[] bytes) {
        int size = bytes.length / Integer.BYTES;
        int[] sorted = new int[Math.max(16, size)];
        ByteBuffer.wrap(bytes).asIntBuffer().get(sorted, 0, size);
        return new ArrivalFingerprints(sorted, size);
    }

    /**
     * FNV-1a, 32 bits: cheap (it runs for every arrival sourced into the aggregate) and fixed by the aggregate's
     * revision. Not a cryptographic hash: an id crafted to collide only costs a read of the events.
     */
    private static int of(ArrivalId id) {
        int hash = 0x811c9dc5;
        String value = id.value();
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x01000193;
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
