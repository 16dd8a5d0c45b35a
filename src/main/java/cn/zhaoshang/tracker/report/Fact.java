package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One fact row as a report sees it at its position. */
record Fact(
        String projectId,
        FactKind kind,
        LocalDate businessDate,
        BigDecimal amount,
        String capitalKind,
        String top500,
        String industry,
        String projectName,
        String investorName,
        long recordedPosition) {

    boolean datedWithin(LocalDate from, LocalDate to) {
        return !businessDate.isBefore(from) && !businessDate.isAfter(to);
    }

    boolean isForeign() {
        return "FOREIGN".equals(capitalKind);
    }
}
