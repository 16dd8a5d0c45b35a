package cn.zhaoshang.tracker.shared;

import java.util.Locale;

/**
 * Where a user may look and, where its role writes, record: one zone, every zone of a city, or every zone of a
 * province. Stored in the access events as it was granted; {@link Reach} is what it covers today.
 */
public record Scope(Level level, String id) {

    public enum Level {
        ZONE,
        CITY,
        PROVINCE
    }

    public Scope {
        if (level == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a scope names its level and its place");
        }
    }

    @Override
    public String toString() {
        return level.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
