package cn.zhaoshang.tracker.signin;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/** Time that moves only when a test says so, for caches and buckets alike. */
final class FakeTicker implements Ticker {

    private long nanos;

    @Override
    public long read() {
        return nanos;
    }

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }
}
