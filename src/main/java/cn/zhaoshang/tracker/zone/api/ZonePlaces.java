package cn.zhaoshang.tracker.zone.api;

import java.util.List;

/** Where every registered zone lies: what a scope (a zone, a city, a province) is resolved against. */
public interface ZonePlaces {

    List<Place> places();

    record Place(String zoneId, String city, String province) {}
}
