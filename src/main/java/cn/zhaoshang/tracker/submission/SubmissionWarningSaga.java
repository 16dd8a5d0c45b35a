package cn.zhaoshang.tracker.submission;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import cn.zhaoshang.tracker.submission.SubmissionWarningCommands.ClearSubmissionWarning;
import cn.zhaoshang.tracker.submission.SubmissionWarningCommands.RaiseSubmissionWarning;
import cn.zhaoshang.tracker.submission.api.MonthSubmitted;
import cn.zhaoshang.tracker.submission.api.SubmissionAccepted;
import cn.zhaoshang.tracker.submission.api.SubmissionReturned;
import cn.zhaoshang.tracker.submission.api.SubmissionStatus;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningKind;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Watches one zone's months from the month it was registered: an ended month not submitted is the bureau's warning
 * (due until the due day, overdue after it, again after a return); a submission undecided for longer than the setting
 * allows is the reviewer's. Business time is the time of the message handled, as in the project warnings' saga: an
 * event's recording instant or a deadline's due day; one persistent deadline waits for the next day a warning changes.
 * Sagas are not replayed, so a rebuild of the read models raises nothing twice.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SubmissionWarningSaga {

    static final String CHECK = "submission-warning-check";
    private static final Map<String, String> SYSTEM = Map.of(Submission.RECORDED_BY, "system");

    private String zoneId;
    /** The first month the zone answers for; advanced past months settled for good (accepted, nothing raised). */
    private YearMonth watchedFrom;

    private TreeMap<YearMonth, Month> months = new TreeMap<>();
    private TreeMap<YearMonth, SubmissionWarningKind> raised = new TreeMap<>();
    private String checkId;

    /** Where a month's latest submission stands; a restatement returned leaves the accepted one official. */
    record Month(String submissionId, SubmissionStatus status, LocalDate submittedOn, boolean restating) {}

    @StartSaga
    @SagaEventHandler(associationProperty = "zoneId")
    void on(
            ZoneRegistered event,
            @Timestamp Instant at,
            SubmissionCalendar calendar,
            CommandGateway commands,
            DeadlineManager deadlines) {
        zoneId = event.zoneId();
        watchedFrom = calendar.firstMonth(YearMonth.from(day(at)));
        review(day(at), calendar, commands, deadlines);
    }

    @SagaEventHandler(associationProperty = "zoneId")
    void on(
            MonthSubmitted event,
            @Timestamp Instant at,
            SubmissionCalendar calendar,
            CommandGateway commands,
            DeadlineManager deadlines) {
        months.put(
                YearMonth.of(event.year(), event.month()),
                new Month(event.submissionId(), SubmissionStatus.SUBMITTED, day(at), event.restatementOf() != null));
        review(day(at), calendar, commands, deadlines);
    }

    @SagaEventHandler(associationProperty = "zoneId")
    void on(
            SubmissionAccepted event,
            @Timestamp Instant at,
            SubmissionCalendar calendar,
            CommandGateway commands,
            DeadlineManager deadlines) {
        decided(event.submissionId(), SubmissionStatus.ACCEPTED);
        review(day(at), calendar, commands, deadlines);
    }

    @SagaEventHandler(associationProperty = "zoneId")
    void on(
            SubmissionReturned event,
            @Timestamp Instant at,
            SubmissionCalendar calendar,
            CommandGateway commands,
            DeadlineManager deadlines) {
        decided(event.submissionId(), SubmissionStatus.RETURNED);
        review(day(at), calendar, commands, deadlines);
    }

    @DeadlineHandler(deadlineName = CHECK)
    void on(
            SubmissionWarningCheck check,
            SubmissionCalendar calendar,
            CommandGateway commands,
            DeadlineManager deadlines) {
        checkId = null;
        review(check.on(), calendar, commands, deadlines);
    }

    private void decided(String submissionId, SubmissionStatus decision) {
        months.entrySet().stream()
                .filter(entry -> entry.getValue().submissionId().equals(submissionId))
                .findFirst()
                .ifPresent(entry -> {
                    Month month = entry.getValue();
                    SubmissionStatus now = decision == SubmissionStatus.RETURNED && month.restating()
                            ? SubmissionStatus.ACCEPTED
                            : decision;
                    entry.setValue(new Month(month.submissionId(), now, month.submittedOn(), false));
                });
    }

    /** Every month the zone answers for, as of {@code today}: raise, change or clear its warning, then wait. */
    private void review(
            LocalDate today, SubmissionCalendar calendar, CommandGateway commands, DeadlineManager deadlines) {
        TreeSet<YearMonth> watched = new TreeSet<>(months.keySet());
        watched.addAll(raised.keySet());
        for (YearMonth month = watchedFrom; month.isBefore(YearMonth.from(today)); month = month.plusMonths(1)) {
            watched.add(month);
        }
        LocalDate next = YearMonth.from(today).plusMonths(1).atDay(1);
        for (YearMonth month : watched) {
            Due due = due(month, today, calendar);
            SubmissionWarningKind kind = kindOf(due);
            if (kind != raised.get(month)) {
                if (kind == null) {
                    raised.remove(month);
                    send(commands, new ClearSubmissionWarning(zoneId, month, today));
                } else {
                    raised.put(month, kind);
                    send(
                            commands,
                            new RaiseSubmissionWarning(zoneId, month, kind, due.submissionId(), due.on(), today));
                }
            }
            if (due != null && !due.pastDue()) {
                next = earlier(next, due.on().plusDays(1));
            }
        }
        settle();
        schedule(next, deadlines);
    }

    /**
     * What the month waits for as of {@code today}, if anything: the bureau's report (due on the due day) or the
     * reviewer's decision (due {@code tracker.submission-review-days} after the submission).
     */
    private Due due(YearMonth month, LocalDate today, SubmissionCalendar calendar) {
        Month state = months.get(month);
        if (state != null && state.status() == SubmissionStatus.ACCEPTED) {
            return null;
        }
        if (state != null && state.status() == SubmissionStatus.SUBMITTED) {
            LocalDate on = calendar.reviewDueOn(state.submittedOn());
            return new Due(true, state.submissionId(), on, today.isAfter(on));
        }
        if (month.isBefore(watchedFrom) || !month.isBefore(YearMonth.from(today))) {
            return null;
        }
        LocalDate on = calendar.dueOn(month);
        return new Due(false, null, on, today.isAfter(on));
    }

    private record Due(boolean review, String submissionId, LocalDate on, boolean pastDue) {}

    private static SubmissionWarningKind kindOf(Due due) {
        if (due == null) {
            return null;
        }
        if (due.review()) {
            return due.pastDue() ? SubmissionWarningKind.REVIEW_WAITING : null;
        }
        return due.pastDue() ? SubmissionWarningKind.MONTH_OVERDUE : SubmissionWarningKind.MONTH_DUE;
    }

    /** Months accepted with nothing raised, at the start of the watch, need no more watching. */
    private void settle() {
        while (!months.isEmpty() && months.firstKey().equals(watchedFrom)) {
            Month first = months.firstEntry().getValue();
            if (first.status() != SubmissionStatus.ACCEPTED || raised.containsKey(watchedFrom)) {
                return;
            }
            months.pollFirstEntry();
            watchedFrom = watchedFrom.plusMonths(1);
        }
        months.headMap(watchedFrom)
                .entrySet()
                .removeIf(entry ->
                        entry.getValue().status() == SubmissionStatus.ACCEPTED && !raised.containsKey(entry.getKey()));
    }

    private void schedule(LocalDate on, DeadlineManager deadlines) {
        if (checkId != null) {
            deadlines.cancelSchedule(CHECK, checkId);
        }
        checkId = deadlines.schedule(on.atStartOfDay(CHINA).toInstant(), CHECK, new SubmissionWarningCheck(on));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static void send(CommandGateway commands, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(SYSTEM));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, CHINA);
    }
}
