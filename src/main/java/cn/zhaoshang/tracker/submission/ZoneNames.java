package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.zone.api.ListZones;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** The pages name a zone by its name and city, never by its id alone: the zone slice's answer, asked once a page. */
@Component
class ZoneNames {

    private final QueryGateway queries;

    ZoneNames(QueryGateway queries) {
        this.queries = queries;
    }

    /** The registered zones among {@code zoneIds}, by city and id. */
    Map<String, ListZones.Zone> of(Collection<String> zoneIds) {
        List<ListZones.Zone> zones = queries.query(
                        new ListZones(Set.copyOf(zoneIds)), ResponseTypes.multipleInstancesOf(ListZones.Zone.class))
                .join();
        Map<String, ListZones.Zone> named = new LinkedHashMap<>();
        zones.forEach(zone -> named.put(zone.id(), zone));
        return named;
    }

    ListZones.Zone of(String zoneId) {
        ListZones.Zone zone = of(Set.of(zoneId)).get(zoneId);
        if (zone == null) {
            throw new UnknownZone(zoneId);
        }
        return zone;
    }
}
