package cn.zhaoshang.tracker.zone.api;

import org.axonframework.serialization.Revision;

/** A development zone (开发区) was registered as a reporting unit of its city. */
@Revision("1")
public record ZoneRegistered(String zoneId, String name, String city) {}
