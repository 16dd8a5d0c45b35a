package cn.zhaoshang.tracker.submission.api;

import java.time.LocalDate;
import java.util.Optional;

/** Where in the history a submission's figures were taken: what regenerates them, its 月报 workbook included. */
public interface SubmittedMonths {

    Optional<Frozen> find(String submissionId);

    record Frozen(String zoneId, int year, LocalDate asOf, long position) {}
}
