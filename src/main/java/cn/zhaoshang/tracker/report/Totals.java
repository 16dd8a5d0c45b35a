package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.util.List;

/** What a city or a province adds up from its zones: foreign capital received, contracted investment, signings. */
record Totals(BigDecimal foreignCapitalArrivedUsd, BigDecimal contractInvestmentCny, int projectsSigned) {

    static Totals of(List<CityReport.ZoneLine> zones) {
        return new Totals(
                zones.stream()
                        .map(CityReport.ZoneLine::foreignCapitalArrivedUsd)
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                zones.stream().map(CityReport.ZoneLine::contractInvestmentCny).reduce(BigDecimal.ZERO, BigDecimal::add),
                zones.stream().mapToInt(CityReport.ZoneLine::projectsSigned).sum());
    }
}
