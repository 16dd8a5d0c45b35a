package cn.zhaoshang.tracker.zone.api;

import java.util.Set;

/** The registered zones among {@code zones} (the caller's reach), by city and id; answered with a list of {@link Zone}. */
public record ListZones(Set<String> zones) {

    public ListZones {
        zones = Set.copyOf(zones);
    }

    public record Zone(String id, String name, String city, String province) {}
}
