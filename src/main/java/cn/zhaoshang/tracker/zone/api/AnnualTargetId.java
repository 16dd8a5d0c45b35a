package cn.zhaoshang.tracker.zone.api;

/** Annual targets are one aggregate per zone and year; '/' cannot occur in a zone slug, so ids never clash. */
public final class AnnualTargetId {

    private AnnualTargetId() {}

    public static String of(String zoneId, int year) {
        return zoneId + "/" + year;
    }
}
