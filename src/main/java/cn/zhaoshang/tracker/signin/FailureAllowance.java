package cn.zhaoshang.tracker.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * A token bucket of failures for each key (a user name, a client address): {@link Limit#failures()} at first, then
 * one more every {@link Limit#oneMoreEvery()}. The buckets live in a cache bounded in size; a bucket nobody touched
 * for as long as it takes to fill up again is dropped, which forgets nothing, since a new one starts full.
 */
final class FailureAllowance {

    record Limit(int failures, Duration oneMoreEvery) {

        Duration untilFull() {
            return oneMoreEvery.multipliedBy(failures);
        }
    }

    private final Bandwidth bandwidth;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    FailureAllowance(Limit limit, int maxKeys, Ticker ticker) {
        this.bandwidth = Bandwidth.builder()
                .capacity(limit.failures())
                .refillGreedy(1, limit.oneMoreEvery())
                .build();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return ticker.read();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(limit.untilFull())
                .ticker(ticker)
                .build();
    }

    /** Takes one token for an attempt; when none is left the probe says how long until one is back. */
    ConsumptionProbe take(String key) {
        return buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
    }

    /** Returns the token of an attempt that turned out not to be a failure. */
    void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket newBucket(String key) {
        return Bucket.builder()
                .addLimit(bandwidth)
                .withCustomTimePrecision(time)
                .build();
    }
}
