package cn.zhaoshang.tracker.shared;

import java.util.List;
import java.util.Optional;

/**
 * Things addressed by an id in a path under one of {@link #pathPrefixes()} that belong to a zone (a monthly
 * submission): the scope check asks whose they are without knowing the slice that keeps them.
 */
public interface ZoneOwned {

    /** Where their paths start, in the API and on the pages, e.g. {@code /api/submissions/}, {@code /submissions/}. */
    List<String> pathPrefixes();

    Optional<String> zoneOf(String id);
}
