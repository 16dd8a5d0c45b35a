package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The dashboard's views of one zone and year, computed from the same fact rows as the reports: the monthly series,
 * the split by industry, the pipeline from signing to production and the top-500 investors.
 */
final class DashboardViews {

    private DashboardViews() {}

    record Month(
            int month,
            BigDecimal contractInvestmentCny,
            BigDecimal foreignCapitalArrivedUsd,
            BigDecimal cumulativeContractInvestmentCny,
            BigDecimal cumulativeForeignCapitalArrivedUsd) {}

    static List<Month> monthly(List<Fact> facts, LocalDate from, LocalDate to) {
        Map<Integer, BigDecimal> contract = new TreeMap<>();
        Map<Integer, BigDecimal> foreign = new TreeMap<>();
        for (Fact fact : facts) {
            if (!fact.datedWithin(from, to)) {
                continue;
            }
            int month = fact.businessDate().getMonthValue();
            if (fact.kind() == FactKind.SIGNING) {
                contract.merge(month, fact.amount(), BigDecimal::add);
            } else if (fact.kind() == FactKind.ARRIVAL && fact.isForeign()) {
                foreign.merge(month, fact.amount(), BigDecimal::add);
            }
        }
        for (ZoneYearFigures.Amendment amendment : ZoneYearFigures.amendments(facts)) {
            if (!amendment.date().isBefore(from) && !amendment.date().isAfter(to)) {
                contract.merge(amendment.date().getMonthValue(), amendment.change(), BigDecimal::add);
            }
        }
        List<Month> months = new ArrayList<>();
        BigDecimal contractSoFar = BigDecimal.ZERO;
        BigDecimal foreignSoFar = BigDecimal.ZERO;
        for (int month = 1; month <= 12; month++) {
            BigDecimal signed = contract.getOrDefault(month, BigDecimal.ZERO);
            BigDecimal arrived = foreign.getOrDefault(month, BigDecimal.ZERO);
            contractSoFar = contractSoFar.add(signed);
            foreignSoFar = foreignSoFar.add(arrived);
            months.add(new Month(month, signed, arrived, contractSoFar, foreignSoFar));
        }
        return months;
    }

    record IndustryShare(String industry, int projects, BigDecimal contractInvestmentCny) {}

    /**
     * The zone-year's figures split by industry (as currently believed): {@code projects} are the projects signed
     * in the window, {@code contractInvestmentCny} is the contract investment as the report counts it (their signed
     * amounts plus the change of every amendment dated in the window, by the amended project's industry), so the
     * lines add up to {@code projectsSigned} and {@code contractInvestmentCny}; largest amount first.
     */
    static List<IndustryShare> industries(List<Fact> facts, LocalDate from, LocalDate to) {
        Map<String, String> industryOf = new HashMap<>();
        facts.stream()
                .filter(fact -> fact.kind() == FactKind.SIGNING)
                .forEach(signing -> industryOf.put(signing.projectId(), signing.industry()));
        Map<String, Integer> projects = new TreeMap<>();
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (Fact signing : signingsWithin(facts, from, to)) {
            projects.merge(signing.industry(), 1, Integer::sum);
            amounts.merge(signing.industry(), signing.amount(), BigDecimal::add);
        }
        for (ZoneYearFigures.Amendment amendment : ZoneYearFigures.amendments(facts)) {
            if (!amendment.date().isBefore(from) && !amendment.date().isAfter(to)) {
                amounts.merge(industryOf.get(amendment.projectId()), amendment.change(), BigDecimal::add);
            }
        }
        return amounts.entrySet().stream()
                .map(entry ->
                        new IndustryShare(entry.getKey(), projects.getOrDefault(entry.getKey(), 0), entry.getValue()))
                .sorted(Comparator.comparing(IndustryShare::contractInvestmentCny)
                        .reversed()
                        .thenComparing(IndustryShare::industry))
                .toList();
    }

    record Pipeline(
            int signed,
            int landed,
            int inProduction,
            int terminated,
            BigDecimal fulfilmentRate,
            BigDecimal landingRate,
            BigDecimal productionRate,
            BigDecimal cohortContractInvestmentCny,
            BigDecimal cohortDomesticCapitalArrivedCny,
            BigDecimal capitalArrivalRate,
            Long medianDaysSignedToLanded,
            Long medianDaysLandedToProduction) {}

    /**
     * The cohort of projects signed in the window, followed up to {@code asOf} (which may be years after the
     * window): 履约率 = not terminated ÷ signed, 开工率 = landed ÷ signed, 投产率 = in production ÷ signed, 到位率 =
     * the cohort's domestic capital arrived by {@code asOf} ÷ its contracted investment (signed amounts plus the
     * changes of its amendments dated by {@code asOf}), both in yuan; foreign capital is in dollars and is not
     * converted. The numerator and the denominator of 到位率 are given too.
     */
    static Pipeline pipeline(List<Fact> factsToAsOf, LocalDate from, LocalDate to, LocalDate asOf) {
        List<Fact> cohort = signingsWithin(factsToAsOf, from, to);
        Map<String, LocalDate> signedOn = new HashMap<>();
        cohort.forEach(signing -> signedOn.put(signing.projectId(), signing.businessDate()));
        Map<String, LocalDate> landedOn = firstDates(factsToAsOf, FactKind.LANDING, signedOn::containsKey);
        Map<String, LocalDate> startedOn = firstDates(factsToAsOf, FactKind.PRODUCTION, signedOn::containsKey);
        Map<String, LocalDate> terminatedOn = firstDates(factsToAsOf, FactKind.TERMINATION, signedOn::containsKey);
        BigDecimal contracted = cohort.stream().map(Fact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (ZoneYearFigures.Amendment amendment : ZoneYearFigures.amendments(factsToAsOf)) {
            if (signedOn.containsKey(amendment.projectId()) && !amendment.date().isAfter(asOf)) {
                contracted = contracted.add(amendment.change());
            }
        }
        BigDecimal domestic = factsToAsOf.stream()
                .filter(fact ->
                        fact.kind() == FactKind.ARRIVAL && !fact.isForeign() && signedOn.containsKey(fact.projectId()))
                .map(Fact::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int signed = cohort.size();
        Integer whole = signed == 0 ? null : signed;
        return new Pipeline(
                signed,
                landedOn.size(),
                startedOn.size(),
                terminatedOn.size(),
                Ratios.of(signed - terminatedOn.size(), whole),
                Ratios.of(landedOn.size(), whole),
                Ratios.of(startedOn.size(), whole),
                contracted,
                domestic,
                Ratios.of(domestic, contracted),
                median(landedOn.entrySet().stream()
                        .map(landing -> ChronoUnit.DAYS.between(signedOn.get(landing.getKey()), landing.getValue()))
                        .toList()),
                median(startedOn.entrySet().stream()
                        .filter(start -> landedOn.containsKey(start.getKey()))
                        .map(start -> ChronoUnit.DAYS.between(landedOn.get(start.getKey()), start.getValue()))
                        .toList()));
    }

    record Top500Investor(
            String projectId,
            String projectName,
            String investorName,
            String top500,
            String industry,
            LocalDate signedOn,
            BigDecimal contractInvestmentCny) {}

    static List<Top500Investor> top500(List<Fact> facts, LocalDate from, LocalDate to) {
        return signingsWithin(facts, from, to).stream()
                .filter(signing -> signing.top500() != null)
                .sorted(Comparator.comparing(Fact::businessDate).thenComparing(Fact::projectId))
                .map(signing -> new Top500Investor(
                        signing.projectId(),
                        signing.projectName(),
                        signing.investorName(),
                        signing.top500(),
                        signing.industry(),
                        signing.businessDate(),
                        signing.amount()))
                .toList();
    }

    private static List<Fact> signingsWithin(List<Fact> facts, LocalDate from, LocalDate to) {
        return facts.stream()
                .filter(fact -> fact.kind() == FactKind.SIGNING && fact.datedWithin(from, to))
                .toList();
    }

    private static Map<String, LocalDate> firstDates(List<Fact> facts, FactKind kind, Predicate<String> inCohort) {
        Map<String, LocalDate> dates = new HashMap<>();
        facts.stream()
                .filter(fact -> fact.kind() == kind && inCohort.test(fact.projectId()))
                .forEach(fact -> dates.merge(fact.projectId(), fact.businessDate(), (a, b) -> a.isBefore(b) ? a : b));
        return dates;
    }

    /** The median of whole days, rounded down for an even count; null without any value. */
    static Long median(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Long> sorted = days.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
