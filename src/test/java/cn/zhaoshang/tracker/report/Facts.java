package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fact rows built by hand, in recording order: each one gets the next recorded position. */
final class Facts {

    private final List<Fact> facts = new ArrayList<>();

    List<Fact> list() {
        return List.copyOf(facts);
    }

    Facts signing(String projectId, String signedOn, String amountCny) {
        return signing(projectId, signedOn, amountCny, null, "OTHER");
    }

    Facts signing(String projectId, String signedOn, String amountCny, String top500, String industry) {
        return add(new Fact(
                projectId,
                FactKind.SIGNING,
                LocalDate.parse(signedOn),
                new BigDecimal(amountCny),
                null,
                top500,
                industry,
                "项目 " + projectId,
                "投资方 " + projectId,
                next()));
    }

    /** 增资/减资 to a new contracted total. */
    Facts amendment(String projectId, String amendedOn, String newTotalCny) {
        return dated(projectId, FactKind.AMENDMENT, amendedOn, new BigDecimal(newTotalCny), null);
    }

    Facts landing(String projectId, String landedOn) {
        return dated(projectId, FactKind.LANDING, landedOn, null, null);
    }

    Facts production(String projectId, String startedOn) {
        return dated(projectId, FactKind.PRODUCTION, startedOn, null, null);
    }

    Facts termination(String projectId, String terminatedOn) {
        return dated(projectId, FactKind.TERMINATION, terminatedOn, null, null);
    }

    Facts foreign(String projectId, String arrivedOn, String amountUsd) {
        return dated(projectId, FactKind.ARRIVAL, arrivedOn, new BigDecimal(amountUsd), "FOREIGN");
    }

    Facts domestic(String projectId, String arrivedOn, String amountCny) {
        return dated(projectId, FactKind.ARRIVAL, arrivedOn, new BigDecimal(amountCny), "DOMESTIC");
    }

    private Facts dated(String projectId, FactKind kind, String date, BigDecimal amount, String capitalKind) {
        return add(
                new Fact(projectId, kind, LocalDate.parse(date), amount, capitalKind, null, null, null, null, next()));
    }

    private Facts add(Fact fact) {
        facts.add(fact);
        return this;
    }

    private long next() {
        return facts.size() + 1L;
    }

    static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    static BigDecimal amount(String amount) {
        return new BigDecimal(amount);
    }
}
