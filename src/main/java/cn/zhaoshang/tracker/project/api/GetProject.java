package cn.zhaoshang.tracker.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One project's detail; answered with an empty Optional when there is no such project. */
public record GetProject(String projectId) {

    public record Result(
            String id,
            String zoneId,
            String name,
            Investor investor,
            Industry industry,
            Stage stage,
            LocalDate signedOn,
            LocalDate landedOn,
            LocalDate productionStartedOn,
            LocalDate terminatedOn,
            BigDecimal contractInvestmentCny,
            BigDecimal foreignCapitalArrivedUsd,
            BigDecimal domesticCapitalArrivedCny,
            long version) {}
}
