package cn.zhaoshang.tracker.submission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a monthly submission. */
final class SubmissionCommands {

    private SubmissionCommands() {}

    /**
     * Submit a month: {@code asOf} is the month's last day, {@code today} the business date the rule compares it with;
     * the figures are the snapshot the controller took in the same transaction.
     */
    record SubmitMonth(
            @TargetAggregateIdentifier String submissionId,
            String zoneId,
            int year,
            int month,
            LocalDate asOf,
            LocalDate today,
            long position,
            String positionHash,
            ObjectNode figures,
            String note,
            String restatementReason) {}

    record AcceptSubmission(@TargetAggregateIdentifier String submissionId, String opinion) {}

    record ReturnSubmission(@TargetAggregateIdentifier String submissionId, String opinion) {}

    record SupersedeSubmission(@TargetAggregateIdentifier String submissionId, String supersededBy) {}
}
