package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.shared.SignedCheckpoints;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
        String positionHash,
        SignedCheckpoints.Stamp checkpoint) {

    @JsonPropertyOrder({
        "zoneId",
        "name",
        "foreignCapitalArrivedUsd",
        "foreignCapitalShare",
        "foreignCapitalRank",
        "contractInvestmentCny",
        "projectsSigned"
    })
    record ZoneLine(
            String zoneId,
            String name,
            BigDecimal foreignCapitalShare,
            int foreignCapitalRank,
            @JsonIgnore ZoneYearFigures figures) {

        @JsonProperty
        public BigDecimal foreignCapitalArrivedUsd() {
            return figures.foreignCapitalArrivedUsd();
        }

        @JsonProperty
        public BigDecimal contractInvestmentCny() {
            return figures.contractInvestmentCny();
        }

        @JsonProperty
        public int projectsSigned() {
            return figures.projectsSigned();
        }
    }
}
