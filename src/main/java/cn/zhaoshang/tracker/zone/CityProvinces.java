package cn.zhaoshang.tracker.zone;

import java.util.Optional;

/** The province a city's zones belong to, for the rule that a city belongs to one province. */
interface CityProvinces {

    /**
     * Holds the city until the transaction ends, so that of two registrations in one city at once the second waits
     * for the first to commit and then finds it; then the province of the city's zones, empty for a new city.
     */
    Optional<String> hold(String city);
}
