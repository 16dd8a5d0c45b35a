package cn.zhaoshang.tracker.project.api;

import java.util.List;
import java.util.Set;

/**
 * A page of projects of the zones in {@code zones} (the caller's reach; nothing when empty), newest signing first;
 * null filters match everything. {@code text} is found in the project's or the investor's name, ignoring case.
 */
public record FindProjects(
        Set<String> zones,
        String zoneId,
        Stage stage,
        Integer signedYear,
        Industry industry,
        Boolean top500,
        String text,
        int page,
        int size) {

    public FindProjects {
        zones = Set.copyOf(zones);
    }

    public FindProjects(Set<String> zones, String zoneId, Stage stage, Integer signedYear, int page, int size) {
        this(zones, zoneId, stage, signedYear, null, null, null, page, size);
    }

    public record Result(List<GetProject.Result> items, long total) {}
}
