package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.Scope;
import cn.zhaoshang.tracker.zone.api.ZonePlaces;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves the caller's scope against today's zones: a city scope covers a zone registered in it tomorrow. Anyone
 * who is not a registered user of the product reaches nothing.
 */
@Component
class Reaches {

    private final ZonePlaces zones;
    private final UserAccounts accounts;
    private final String defaultProvince;

    Reaches(
            ZonePlaces zones,
            UserAccounts accounts,
            @Value("${tracker.default-province:hunan}") String defaultProvince) {
        this.zones = zones;
        this.accounts = accounts;
        this.defaultProvince = defaultProvince;
    }

    /**
     * The scope the caller logged in with; a caller authenticated another way (a session of an identity provider)
     * has the scope of the registered user of its name, and one without a registered user reaches nothing.
     */
    Reach ofCaller() {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null || !login.isAuthenticated()) {
            return Reach.NOTHING;
        }
        if (login.getPrincipal() instanceof AccountUser user) {
            return of(user.scope());
        }
        return accounts.find(login.getName())
                .filter(UserAccounts.UserView::enabled)
                .map(user -> of(user.scope()))
                .orElse(Reach.NOTHING);
    }

    Reach of(Scope scope) {
        List<ZonePlaces.Place> places = zones.places();
        Predicate<ZonePlaces.Place> inside =
                switch (scope.level()) {
                    case ZONE -> place -> place.zoneId().equals(scope.id());
                    case CITY -> place -> place.city().equals(scope.id());
                    case PROVINCE -> place -> place.province().equals(scope.id());
                };
        Set<String> zoneIds = new HashSet<>();
        Set<String> cities = new HashSet<>();
        Set<String> provinces = new HashSet<>();
        for (ZonePlaces.Place place : places) {
            if (inside.test(place)) {
                zoneIds.add(place.zoneId());
                cities.add(place.city());
                provinces.add(place.province());
            }
        }
        // A city or province scope reads its own reports even before its first zone is registered.
        switch (scope.level()) {
            case CITY -> cities.add(scope.id());
            case PROVINCE -> provinces.add(scope.id());
            default -> {}
        }
        return new Reach(
                zoneIds,
                cities,
                provinces,
                scope.level() == Scope.Level.PROVINCE,
                !places.isEmpty() && zoneIds.size() == places.size());
    }

    /** Whether the scope names a place that exists: a zone, a city or a province of a registered zone. */
    boolean known(Scope scope) {
        if (scope.level() == Scope.Level.PROVINCE && scope.id().equals(defaultProvince)) {
            return true;
        }
        return zones.places().stream().anyMatch(place -> switch (scope.level()) {
            case ZONE -> place.zoneId().equals(scope.id());
            case CITY -> place.city().equals(scope.id());
            case PROVINCE -> place.province().equals(scope.id());
        });
    }
}
