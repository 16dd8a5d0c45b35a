package cn.zhaoshang.tracker.shared;

import java.util.Optional;

/**
 * Things addressed by an id in a path under {@link #pathPrefix()} that belong to a zone (a monthly submission): the
 * scope check asks whose they are without knowing the slice that keeps them.
 */
public interface ZoneOwned {

    /** Where their paths start, e.g. {@code /api/submissions/}. */
    String pathPrefix();

    Optional<String> zoneOf(String id);
}
