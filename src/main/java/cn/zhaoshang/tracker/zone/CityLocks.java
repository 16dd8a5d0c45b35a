package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.platform.AggregateLocks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link CityProvinces} as a row of {@code aggregate_lock} per city (as a signing holds its signing key, ADR 0022)
 * and the province read from {@link ZoneDirectory}, the table written in the transaction of each registration.
 */
@Component
class CityLocks implements CityProvinces {

    private final AggregateLocks locks;
    private final ZoneDirectory directory;

    CityLocks(AggregateLocks locks, ZoneDirectory directory) {
        this.locks = locks;
        this.directory = directory;
    }

    @Override
    public Optional<String> hold(String city) {
        // no zone id has a ':', so the row names no aggregate
        locks.hold("city:" + city);
        return directory.provinceOf(city);
    }
}
