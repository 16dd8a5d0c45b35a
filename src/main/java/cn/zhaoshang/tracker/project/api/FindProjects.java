package cn.zhaoshang.tracker.project.api;

import java.util.List;

/** A page of projects, newest signing first; null filters match everything. */
public record FindProjects(String zoneId, Stage stage, Integer signedYear, int page, int size) {

    public record Result(List<GetProject.Result> items, long total) {}
}
