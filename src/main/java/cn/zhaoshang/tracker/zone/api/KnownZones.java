package cn.zhaoshang.tracker.zone.api;

/** Tells whether a zone has been registered; injected into command handlers of other slices. */
public interface KnownZones {

    boolean exists(String zoneId);
}
