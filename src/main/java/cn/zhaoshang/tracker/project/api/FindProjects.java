package cn.zhaoshang.tracker.project.api;

import java.util.List;

/**
 * A page of projects, newest signing first; null filters match everything. {@code text} is found in the project's
 * or the investor's name, ignoring case.
 */
public record FindProjects(
        String zoneId,
        Stage stage,
        Integer signedYear,
        Industry industry,
        Boolean top500,
        String text,
        int page,
        int size) {

    public FindProjects(String zoneId, Stage stage, Integer signedYear, int page, int size) {
        this(zoneId, stage, signedYear, null, null, null, page, size);
    }

    public record Result(List<GetProject.Result> items, long total) {}
}
