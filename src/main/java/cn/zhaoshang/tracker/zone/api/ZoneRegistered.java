package cn.zhaoshang.tracker.zone.api;

import org.axonframework.serialization.Revision;

/**
 * A development zone (开发区) was registered as a reporting unit of its city, in the city's province. Revision 1 had
 * no province: {@code zone.ZoneRegisteredUpcaster} gives those the setting {@code tracker.default-province}.
 */
@Revision("2")
public record ZoneRegistered(String zoneId, String name, String city, String province) {}
