package cn.zhaoshang.tracker.project.api;

/** FOREIGN amounts are US dollars (实际到位外资), DOMESTIC amounts are yuan (实际到位内资). */
public enum CapitalKind {
    FOREIGN,
    DOMESTIC
}
