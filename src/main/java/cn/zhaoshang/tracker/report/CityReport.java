package cn.zhaoshang.tracker.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** GET /api/reports/cities/{city}/years/{year}: the city's totals and its zones by rank of foreign capital. */
record CityReport(
        String city,
        int year,
        LocalDate asOf,
        Instant knownAt,
        BigDecimal foreignCapitalArrivedUsd,
        BigDecimal contractInvestmentCny,
        int projectsSigned,
        List<ZoneLine> zones,
        Long position,
        String positionHash) {

    record ZoneLine(
            String zoneId,
            String name,
            BigDecimal foreignCapitalShare,
            int foreignCapitalRank,
            @JsonIgnore ZoneYearFigures figures) {

        public BigDecimal foreignCapitalArrivedUsd() {
            return figures.foreignCapitalArrivedUsd();
        }

        public BigDecimal contractInvestmentCny() {
            return figures.contractInvestmentCny();
        }

        public int projectsSigned() {
            return figures.projectsSigned();
        }
    }
}
