package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.shared.SignedCheckpoints;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** GET /api/reports/zones/{zoneId}/years/{year}, field for field as the contract names them. */
record ZoneYearReport(
        String zoneId,
        int year,
        LocalDate asOf,
        Instant knownAt,
        int projectsSigned,
        int top500Projects,
        BigDecimal contractInvestmentCny,
        BigDecimal foreignCapitalArrivedUsd,
        BigDecimal domesticCapitalArrivedCny,
        int projectsLanded,
        int projectsInProduction,
        int projectsTerminated,
        Targets targets,
        BigDecimal contractInvestmentCompletion,
        BigDecimal foreignCapitalCompletion,
        BigDecimal projectCountCompletion,
        City city,
        Long position,
        String positionHash,
        SignedCheckpoints.Stamp checkpoint) {

    record Targets(BigDecimal contractInvestmentCny, BigDecimal foreignCapitalUsd, Integer projectCount) {}

    /** The city total over all zones of the same city, this zone's share of it and its rank. */
    record City(
            String city,
            int zones,
            BigDecimal foreignCapitalArrivedUsd,
            BigDecimal foreignCapitalShare,
            int foreignCapitalRank) {}
}
