package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.shared.SignedCheckpoints;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/reports/provinces/{provinceId}/years/{year}: the province's totals, its cities and its zones, each ranked
 * by foreign capital received with its share of the province. A zone's line carries its zone-year report (the
 * report's own clocks and position stand once, at the top).
 */
record ProvinceReport(
        String province,
        int year,
        LocalDate asOf,
        Instant knownAt,
        @JsonUnwrapped Totals totals,
        List<CityLine> cities,
        List<ZoneLine> zones,
        Long position,
        String positionHash,
        SignedCheckpoints.Stamp checkpoint) {

    /** A city of the province: its zones' totals, as its city report adds them up, and its place in the province. */
    record CityLine(
            String city,
            int zones,
            @JsonUnwrapped Totals totals,
            BigDecimal foreignCapitalShare,
            int foreignCapitalRank) {}

    /** A zone of the province: its place in the province, then its zone-year figures with its place in its city. */
    record ZoneLine(
            String zoneId,
            String name,
            BigDecimal foreignCapitalShare,
            int foreignCapitalRank,
            @JsonUnwrapped
                    @JsonIgnoreProperties({"zoneId", "year", "asOf", "knownAt", "position", "positionHash", "checkpoint"
                    })
                    ZoneYearReport report) {}
}
