package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one zone for a window of business dates (the year, cut at asOf), computed from the fact rows
 * believed at one position. The 口径 of each figure is in docs/reports.md.
 */
record ZoneYearFigures(
        int projectsSigned,
        int top500Projects,
        BigDecimal contractInvestmentCny,
        BigDecimal foreignCapitalArrivedUsd,
        BigDecimal domesticCapitalArrivedCny,
        int projectsLanded,
        int projectsInProduction,
        int projectsTerminated) {

    static ZoneYearFigures of(List<Fact> facts, LocalDate from, LocalDate to) {
        int signed = 0;
        int top500 = 0;
        BigDecimal contract = BigDecimal.ZERO;
        BigDecimal foreign = BigDecimal.ZERO;
        BigDecimal domestic = BigDecimal.ZERO;
        int landed = 0;
        int inProduction = 0;
        int terminated = 0;
        for (Fact fact : facts) {
            if (!fact.datedWithin(from, to)) {
                continue;
            }
            switch (fact.kind()) {
                case SIGNING -> {
                    signed++;
                    top500 += fact.top500() == null ? 0 : 1;
                    contract = contract.add(fact.amount());
                }
                case ARRIVAL -> {
                    if (fact.isForeign()) {
                        foreign = foreign.add(fact.amount());
                    } else {
                        domestic = domestic.add(fact.amount());
                    }
                }
                case LANDING -> landed++;
                case PRODUCTION -> inProduction++;
                case TERMINATION -> terminated++;
                case AMENDMENT -> {
                    // counted below, as the change it makes
                }
            }
        }
        for (Amendment amendment : amendments(facts)) {
            if (!amendment.date().isBefore(from) && !amendment.date().isAfter(to)) {
                contract = contract.add(amendment.change());
            }
        }
        return new ZoneYearFigures(signed, top500, contract, foreign, domestic, landed, inProduction, terminated);
    }

    record Amendment(String projectId, LocalDate date, BigDecimal change) {}

    /**
     * 三明口径: an amendment counts as the change it makes (new total − the total before it), in the year of the
     * amendment. The total before the first amendment is the signed amount as currently believed, so a correction
     * of the signing also corrects the change of the first amendment.
     */
    static List<Amendment> amendments(List<Fact> facts) {
        Map<String, BigDecimal> totals = new HashMap<>();
        for (Fact fact : facts) {
            if (fact.kind() == FactKind.SIGNING) {
                totals.put(fact.projectId(), fact.amount());
            }
        }
        return facts.stream()
                .filter(fact -> fact.kind() == FactKind.AMENDMENT && totals.containsKey(fact.projectId()))
                .map(fact -> {
                    BigDecimal before = totals.put(fact.projectId(), fact.amount());
                    return new Amendment(
                            fact.projectId(), fact.businessDate(), fact.amount().subtract(before));
                })
                .toList();
    }
}
