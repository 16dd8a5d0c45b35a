package cn.zhaoshang.tracker.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the report pages show before the reader has chosen: the zone and year the installation names
 * ({@code tracker.dashboard.zone}, {@code tracker.dashboard.year}), else the reader's first zone and this year; and
 * the years they offer to choose from.
 */
@Component
class ReportPageChoices {

    private final Clock clock;
    private final String defaultZone;
    private final Integer defaultYear;

    ReportPageChoices(
            Clock clock,
            @Value("${tracker.dashboard.zone:}") String defaultZone,
            @Value("${tracker.dashboard.year:#{null}}") Integer defaultYear) {
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.defaultYear = defaultYear;
    }

    /** The named zone when it is among the reader's, else the first of them; null when the reader sees none. */
    String zone(List<ReportRows.Zone> zones) {
        if (zones.stream().anyMatch(known -> known.zoneId().equals(defaultZone))) {
            return defaultZone;
        }
        return zones.isEmpty() ? null : zones.get(0).zoneId();
    }

    int year() {
        return defaultYear != null ? defaultYear : LocalDate.now(clock).getYear();
    }

    /** Next year, this year and the nine before it, the latest first. */
    List<Integer> years() {
        int now = LocalDate.now(clock).getYear();
        return IntStream.rangeClosed(now - 9, now + 1)
                .boxed()
                .sorted(Comparator.reverseOrder())
                .toList();
    }
}
