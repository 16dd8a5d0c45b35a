package cn.zhaoshang.tracker.submission.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The zone-month no longer waits: submitted (a bureau's warning) or reviewed (a reviewer's), on {@code clearedOn}. */
@Revision("1")
public record SubmissionWarningCleared(
        String zoneId, int year, int month, SubmissionWarningKind kind, LocalDate clearedOn) {}
