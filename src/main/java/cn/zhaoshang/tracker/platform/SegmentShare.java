package cn.zhaoshang.tracker.platform;

/** How many of its segments an instance gives up so that the instances alive hold about as many each. */
final class SegmentShare {

    private SegmentShare() {}

    /**
     * The segments held beyond this instance's share (the segments divided by the instances alive, rounded up).
     * Claims are exclusive, so the others always have room for what is given up.
     */
    static int toRelease(int segments, int alive, int held) {
        if (alive <= 1) {
            return 0;
        }
        int share = (segments + alive - 1) / alive;
        return Math.max(0, held - share);
    }
}
