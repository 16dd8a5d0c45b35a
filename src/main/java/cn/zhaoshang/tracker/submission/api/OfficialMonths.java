package cn.zhaoshang.tracker.submission.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One zone's official figures of a month as a page names them: besides the figures ({@link AcceptedMonths} gives
 * those of many zones at once, for a report), who accepted them and when, and how many of them the live history has
 * moved since (drift, which calls for a restatement).
 */
public interface OfficialMonths {

    /** The zone's accepted submission of the month (the latest accepted restatement); empty when it has none. */
    Optional<Official> accepted(String zoneId, int year, int month);

    record Official(
            String submissionId,
            LocalDate asOf,
            long position,
            ObjectNode figures,
            String acceptedBy,
            Instant acceptedAt,
            int driftedFigures) {}
}
