package cn.zhaoshang.tracker.shared;

import java.util.Set;

/**
 * A {@link Scope} resolved against today's places: the zones whose projects the caller sees (and, where its role
 * writes, records), and the cities and provinces whose reports it may read. A zone-scoped reader reads its city's and
 * province's reports, which show the other zones' totals (share and rank need them), never their projects.
 *
 * <p>Queries take it as a value: {@link #zones()} is the one filter of every list, export and log.
 * {@code provinceWide}: the scope is a province, whose readers also see what belongs to no zone (the users' grants
 * in the audit log); {@code everyZone}: it covers every zone registered today, so a log needs no filter at all.
 */
public record Reach(
        Set<String> zones, Set<String> cities, Set<String> provinces, boolean provinceWide, boolean everyZone) {

    /** Reaches nothing: a caller without a scope, or whose place is not known yet. */
    public static final Reach NOTHING = new Reach(Set.of(), Set.of(), Set.of(), false, false);

    public Reach {
        zones = Set.copyOf(zones);
        cities = Set.copyOf(cities);
        provinces = Set.copyOf(provinces);
    }

    public boolean seesZone(String zoneId) {
        return zoneId != null && zones.contains(zoneId);
    }

    public boolean readsCity(String city) {
        return city != null && cities.contains(city);
    }

    public boolean readsProvince(String province) {
        return province != null && provinces.contains(province);
    }

    /** Refuses a command that names a zone outside the reach (HTTP 403: the zone itself is public knowledge). */
    public void requireZone(String zoneId) {
        if (!seesZone(zoneId)) {
            throw new OutsideScope(zoneId);
        }
    }
}
