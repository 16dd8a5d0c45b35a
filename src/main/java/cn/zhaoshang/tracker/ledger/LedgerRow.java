package cn.zhaoshang.tracker.ledger;

import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Top500;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One project of the 台账, with amounts already converted to yuan and US dollars. */
record LedgerRow(
        int row,
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
        String terminationReason) {}
