package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.submission.api.SubmissionWarningKind;
import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The warning saga's commands to a zone-month's warning. */
final class SubmissionWarningCommands {

    private SubmissionWarningCommands() {}

    /** The stream of a zone-month's warnings: under the zone's name, so that the zone's audit log holds it. */
    static String idOf(String zoneId, YearMonth month) {
        return zoneId + "/submission-warning/" + month;
    }

    record RaiseSubmissionWarning(
            String zoneId,
            YearMonth month,
            SubmissionWarningKind kind,
            String submissionId,
            LocalDate dueOn,
            LocalDate raisedOn) {

        @TargetAggregateIdentifier
        String warningId() {
            return idOf(zoneId, month);
        }
    }

    record ClearSubmissionWarning(String zoneId, YearMonth month, LocalDate clearedOn) {

        @TargetAggregateIdentifier
        String warningId() {
            return idOf(zoneId, month);
        }
    }
}
