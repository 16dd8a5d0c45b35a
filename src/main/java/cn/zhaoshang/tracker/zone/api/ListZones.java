package cn.zhaoshang.tracker.zone.api;

/** Every registered zone, by city and id; answered with a list of {@link Zone}. */
public record ListZones() {

    public record Zone(String id, String name, String city, String province) {}
}
