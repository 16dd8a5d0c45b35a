package cn.zhaoshang.tracker.submission;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.Forbidden;
import cn.zhaoshang.tracker.submission.SubmissionCommands.AcceptSubmission;
import cn.zhaoshang.tracker.submission.SubmissionCommands.ReturnSubmission;
import cn.zhaoshang.tracker.submission.SubmissionCommands.SubmitMonth;
import cn.zhaoshang.tracker.submission.SubmissionCommands.SupersedeSubmission;
import cn.zhaoshang.tracker.submission.api.MonthSubmitted;
import cn.zhaoshang.tracker.submission.api.SubmissionAccepted;
import cn.zhaoshang.tracker.submission.api.SubmissionReturned;
import cn.zhaoshang.tracker.submission.api.SubmissionStatus;
import cn.zhaoshang.tracker.submission.api.SubmissionSuperseded;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A zone's monthly report upward (报送) and its review (审核): submitted once with its figures frozen, then accepted or
 * returned by someone other than the submitter; an accepted month is restated by a new submission with a reason,
 * which supersedes it once accepted.
 */
@Aggregate
class Submission {

    static final String RECORDED_BY = "recordedBy";

    @AggregateIdentifier
    private String submissionId;

    private String zoneId;
    private String submittedBy;
    private SubmissionStatus status;

    Submission() {}

    @CommandHandler
    Submission(SubmitMonth command, ZoneMonths months, @MetaDataValue(RECORDED_BY) String by) {
        if (!command.asOf().isBefore(command.today())) {
            throw new CommandRejected("%d年%d月尚未结束，不能报送 / %d-%02d has not ended yet"
                    .formatted(command.year(), command.month(), command.year(), command.month()));
        }
        Map<String, SubmissionStatus> earlier = months.of(command.zoneId(), command.year(), command.month());
        if (earlier.containsValue(SubmissionStatus.SUBMITTED)) {
            throw new CommandRejected("该月已报送，正在审核 / this month's submission is under review");
        }
        String accepted = earlier.entrySet().stream()
                .filter(submission -> submission.getValue() == SubmissionStatus.ACCEPTED)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        if (accepted != null && command.restatementReason() == null) {
            throw new CommandRejected("该月报送已被接受；重新报送须说明原因（restatement.reason） / this month was accepted:"
                    + " a restatement needs a reason (restatement.reason)");
        }
        apply(new MonthSubmitted(
                command.submissionId(),
                command.zoneId(),
                command.year(),
                command.month(),
                command.asOf(),
                command.position(),
                command.positionHash(),
                command.figures(),
                command.note(),
                accepted,
                accepted == null ? null : command.restatementReason()));
    }

    @CommandHandler
    void handle(AcceptSubmission command, @MetaDataValue(RECORDED_BY) String by) {
        reviewable(by);
        apply(new SubmissionAccepted(submissionId, zoneId, command.opinion()));
    }

    @CommandHandler
    void handle(ReturnSubmission command, @MetaDataValue(RECORDED_BY) String by) {
        reviewable(by);
        apply(new SubmissionReturned(submissionId, zoneId, command.opinion()));
    }

    @CommandHandler
    void handle(SupersedeSubmission command) {
        if (status == SubmissionStatus.ACCEPTED) {
            apply(new SubmissionSuperseded(submissionId, zoneId, command.supersededBy()));
        }
    }

    /** Only a submission under review is reviewed, and never by whoever submitted it (四眼原则, four eyes). */
    private void reviewable(String by) {
        if (status != SubmissionStatus.SUBMITTED) {
            throw new CommandRejected("只能审核待审核的报送（当前：%s） / only a submission under review can be reviewed (now %s)"
                    .formatted(status, status));
        }
        if (submittedBy != null && submittedBy.equals(by)) {
            throw new Forbidden("报送人不能审核自己的报送 / the submitter cannot review its own submission");
        }
    }

    @EventSourcingHandler
    void on(MonthSubmitted event, @MetaDataValue(RECORDED_BY) String by) {
        submissionId = event.submissionId();
        zoneId = event.zoneId();
        submittedBy = by;
        status = SubmissionStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(SubmissionAccepted event) {
        status = SubmissionStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(SubmissionReturned event) {
        status = SubmissionStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(SubmissionSuperseded event) {
        status = SubmissionStatus.SUPERSEDED;
    }
}
