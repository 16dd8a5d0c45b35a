package cn.zhaoshang.tracker.submission;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.zhaoshang.tracker.submission.SubmissionWarningCommands.ClearSubmissionWarning;
import cn.zhaoshang.tracker.submission.SubmissionWarningCommands.RaiseSubmissionWarning;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningCleared;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningKind;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningRaised;
import java.time.YearMonth;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The warning of one zone-month, apart from the submissions' streams so that a warning never changes a submission.
 * Raising the warning it already has, or clearing when none is raised, records nothing: the saga may say it twice.
 */
@Aggregate
class SubmissionWarning {

    @AggregateIdentifier
    private String warningId;

    private SubmissionWarningKind kind;

    SubmissionWarning() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RaiseSubmissionWarning command) {
        if (command.kind() == kind) {
            return;
        }
        apply(new SubmissionWarningRaised(
                command.zoneId(),
                command.month().getYear(),
                command.month().getMonthValue(),
                command.kind(),
                command.submissionId(),
                command.dueOn(),
                command.raisedOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ClearSubmissionWarning command) {
        if (kind == null) {
            return;
        }
        apply(new SubmissionWarningCleared(
                command.zoneId(),
                command.month().getYear(),
                command.month().getMonthValue(),
                kind,
                command.clearedOn()));
    }

    @EventSourcingHandler
    void on(SubmissionWarningRaised event) {
        warningId = SubmissionWarningCommands.idOf(event.zoneId(), YearMonth.of(event.year(), event.month()));
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(SubmissionWarningCleared event) {
        warningId = SubmissionWarningCommands.idOf(event.zoneId(), YearMonth.of(event.year(), event.month()));
        kind = null;
    }
}
