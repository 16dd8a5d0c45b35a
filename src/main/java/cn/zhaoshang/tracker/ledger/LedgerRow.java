package cn.zhaoshang.tracker.ledger;

import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.SigningKey;
import cn.zhaoshang.tracker.project.api.Top500;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One project of the 台账, with amounts already converted to yuan and US dollars. Its zone, name and signing date
 * are always read; {@code problems} says what else is wrong with it (a cell without a value where one is wrong).
 */
record LedgerRow(
        int row,
        List<RowProblem> problems,
        String zoneId,
        String name,
        String investor,
        String country,
        Top500 top500,
        Industry industry,
        LocalDate signedOn,
        BigDecimal contractInvestmentCny,
        BigDecimal expectedAnnualTaxCny,
        BigDecimal landAreaMu,
        LocalDate landedOn,
        LocalDate startedOn,
        BigDecimal foreignCapitalUsd,
        LocalDate foreignArrivedOn,
        BigDecimal domesticCapitalCny,
        LocalDate domesticArrivedOn,
        LocalDate terminatedOn,
        String terminationReason) {

    /** Zone, name and signing date: whether the project is already recorded. */
    SigningKey key() {
        return new SigningKey(zoneId, name, signedOn);
    }

    LedgerRow withProblems(List<RowProblem> found) {
        return new LedgerRow(
                row,
                found,
                zoneId,
                name,
                investor,
                country,
                top500,
                industry,
                signedOn,
                contractInvestmentCny,
                expectedAnnualTaxCny,
                landAreaMu,
                landedOn,
                startedOn,
                foreignCapitalUsd,
                foreignArrivedOn,
                domesticCapitalCny,
                domesticArrivedOn,
                terminatedOn,
                terminationReason);
    }
}
