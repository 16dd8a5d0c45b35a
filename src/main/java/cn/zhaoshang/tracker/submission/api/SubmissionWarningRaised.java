package cn.zhaoshang.tracker.submission.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 报送预警: the zone's month {@code year}-{@code month} waits for its bureau (its report, due on {@code dueOn}) or for
 * a reviewer (the submission {@code submissionId}, waiting since {@code dueOn} minus the allowed days), from
 * {@code raisedOn}. A warning of another kind on the same zone-month replaces the one before.
 */
@Revision("1")
public record SubmissionWarningRaised(
        String zoneId,
        int year,
        int month,
        SubmissionWarningKind kind,
        String submissionId,
        LocalDate dueOn,
        LocalDate raisedOn) {}
