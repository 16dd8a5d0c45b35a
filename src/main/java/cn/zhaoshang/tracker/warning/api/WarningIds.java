package cn.zhaoshang.tracker.warning.api;

/** Aggregate ids of the warning slice; '/' cannot occur in a project id or a zone slug, so ids never clash. */
public final class WarningIds {

    private WarningIds() {}

    public static String ofProject(String projectId) {
        return projectId + "/warning";
    }

    public static String ofZoneRules(String zoneId) {
        return zoneId + "/warning-rules";
    }
}
