package cn.zhaoshang.tracker.submission;

import static cn.zhaoshang.tracker.submission.api.SubmissionWarningKind.MONTH_DUE;
import static cn.zhaoshang.tracker.submission.api.SubmissionWarningKind.MONTH_OVERDUE;
import static cn.zhaoshang.tracker.submission.api.SubmissionWarningKind.REVIEW_WAITING;

import cn.zhaoshang.tracker.submission.SubmissionWarningCommands.ClearSubmissionWarning;
import cn.zhaoshang.tracker.submission.SubmissionWarningCommands.RaiseSubmissionWarning;
import cn.zhaoshang.tracker.submission.api.MonthSubmitted;
import cn.zhaoshang.tracker.submission.api.SubmissionAccepted;
import cn.zhaoshang.tracker.submission.api.SubmissionReturned;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningKind;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The submission deadlines, driven by the saga fixture's clock (due day the 10th, reviews warned after 5 days): events
 * at noon Beijing time of their day, checks at the start of the day they are due.
 */
class SubmissionWarningSagaTest {

    private static final String ZONE = "songmu";
    private static final YearMonth JANUARY = YearMonth.of(2024, 1);
    private static final LocalDate REGISTERED_ON = LocalDate.of(2024, 1, 15);
    private static final LocalDate SUBMITTED_ON = LocalDate.of(2024, 2, 5);

    private SagaTestFixture<SubmissionWarningSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SubmissionWarningSaga.class);
        fixture.registerResource(new SubmissionCalendar(10, 5));
    }

    @Test
    void nothing_is_due_while_the_month_of_registration_lasts() throws Exception {
        fixture.givenCurrentTime(noon(REGISTERED_ON))
                .whenPublishingA(registered())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(until(REGISTERED_ON, day(2024, 2, 1)), SubmissionWarningSaga.CHECK);
    }

    @Test
    void an_ended_month_is_due_from_the_first_of_the_next_until_the_due_day() throws Exception {
        fixture.givenCurrentTime(noon(REGISTERED_ON))
                .andThenAPublished(registered())
                .whenTimeElapses(until(REGISTERED_ON, day(2024, 2, 1)))
                .expectDispatchedCommands(raise(JANUARY, MONTH_DUE, null, day(2024, 2, 10), day(2024, 2, 1)))
                .expectScheduledDeadlineWithName(Duration.ofDays(10), SubmissionWarningSaga.CHECK);
    }

    @Test
    void a_month_not_submitted_by_the_due_day_is_overdue_the_day_after() throws Exception {
        fixture.givenCurrentTime(noon(REGISTERED_ON))
                .andThenAPublished(registered())
                .andThenTimeElapses(until(REGISTERED_ON, day(2024, 2, 1)))
                .whenTimeElapses(Duration.ofDays(10))
                .expectDispatchedCommands(raise(JANUARY, MONTH_OVERDUE, null, day(2024, 2, 10), day(2024, 2, 11)));
    }

    @Test
    void submitting_the_month_clears_the_bureaus_warning() throws Exception {
        fixture.givenCurrentTime(noon(REGISTERED_ON))
                .andThenAPublished(registered())
                .andThenTimeAdvancesTo(noon(SUBMITTED_ON))
                .whenPublishingA(submitted("s-1", JANUARY, null))
                .expectDispatchedCommands(new ClearSubmissionWarning(ZONE, JANUARY, SUBMITTED_ON))
                .expectScheduledDeadlineWithName(until(SUBMITTED_ON, day(2024, 2, 11)), SubmissionWarningSaga.CHECK);
    }

    @Test
    void a_submission_undecided_for_more_than_five_days_warns_the_reviewer() throws Exception {
        januarySubmittedOnFebruaryFifth()
                .whenTimeElapses(until(SUBMITTED_ON, day(2024, 2, 11)))
                .expectDispatchedCommands(raise(JANUARY, REVIEW_WAITING, "s-1", day(2024, 2, 10), day(2024, 2, 11)));
    }

    @Test
    void five_days_of_waiting_are_allowed() throws Exception {
        januarySubmittedOnFebruaryFifth().whenTimeElapses(Duration.ofDays(5)).expectNoDispatchedCommands();
    }

    @Test
    void accepting_clears_the_reviewers_warning() throws Exception {
        januarySubmittedOnFebruaryFifth()
                .andThenTimeElapses(Duration.ofDays(7))
                .whenPublishingA(new SubmissionAccepted("s-1", ZONE, null))
                .expectDispatchedCommands(new ClearSubmissionWarning(ZONE, JANUARY, day(2024, 2, 12)));
    }

    @Test
    void a_returned_month_is_the_bureaus_again_overdue_past_the_due_day() throws Exception {
        januarySubmittedOnFebruaryFifth()
                .andThenTimeElapses(Duration.ofDays(7))
                .whenPublishingA(new SubmissionReturned("s-1", ZONE, "外资凭证不全"))
                .expectDispatchedCommands(raise(JANUARY, MONTH_OVERDUE, null, day(2024, 2, 10), day(2024, 2, 12)));
    }

    @Test
    void a_returned_restatement_leaves_the_accepted_month_official_and_nothing_due() throws Exception {
        januarySubmittedOnFebruaryFifth()
                .andThenAPublished(new SubmissionAccepted("s-1", ZONE, null))
                .andThenAPublished(submitted("s-2", JANUARY, "s-1"))
                .whenPublishingA(new SubmissionReturned("s-2", ZONE, "重报理由不充分"))
                .expectNoDispatchedCommands();
    }

    @Test
    void months_before_the_bureaus_report_through_the_tracker_raise_nothing() throws Exception {
        fixture = new SagaTestFixture<>(SubmissionWarningSaga.class);
        fixture.registerResource(new SubmissionCalendar(10, 5, "2024-03"));
        fixture.givenCurrentTime(noon(REGISTERED_ON))
                .andThenAPublished(registered())
                .andThenTimeAdvancesTo(noon(day(2024, 3, 20)))
                .whenTimeElapses(until(day(2024, 3, 20), day(2024, 4, 1)))
                .expectDispatchedCommands(
                        raise(YearMonth.of(2024, 3), MONTH_DUE, null, day(2024, 4, 10), day(2024, 4, 1)));
    }

    @Test
    void months_before_the_zone_was_registered_are_not_its_to_report() throws Exception {
        LocalDate registeredOn = day(2024, 3, 5);
        fixture.givenCurrentTime(noon(registeredOn))
                .andThenAPublished(registered())
                .andThenAPublished(submitted("s-0", YearMonth.of(2023, 6), null))
                .whenPublishingA(new SubmissionReturned("s-0", ZONE, "补充说明"))
                .expectNoDispatchedCommands();
    }

    /** Registered in mid-January, January due on 1 February, submitted at noon on the 5th. */
    private ContinuedGivenState januarySubmittedOnFebruaryFifth() throws Exception {
        return fixture.givenCurrentTime(noon(REGISTERED_ON))
                .andThenAPublished(registered())
                .andThenTimeAdvancesTo(noon(SUBMITTED_ON))
                .andThenAPublished(submitted("s-1", JANUARY, null));
    }

    private static ZoneRegistered registered() {
        return new ZoneRegistered(ZONE, "松木经开区", "hengyang", "hunan");
    }

    private static MonthSubmitted submitted(String id, YearMonth month, String restating) {
        return new MonthSubmitted(
                id,
                ZONE,
                month.getYear(),
                month.getMonthValue(),
                month.atEndOfMonth(),
                100,
                "h",
                JsonNodeFactory.instance.objectNode(),
                null,
                restating,
                restating == null ? null : "更正外资");
    }

    private static RaiseSubmissionWarning raise(
            YearMonth month, SubmissionWarningKind kind, String submission, LocalDate dueOn, LocalDate raisedOn) {
        return new RaiseSubmissionWarning(ZONE, month, kind, submission, dueOn, raisedOn);
    }

    private static LocalDate day(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** From noon of {@code from} to the start of {@code to}, Beijing time. */
    private static Duration until(LocalDate from, LocalDate to) {
        return Duration.between(
                noon(from), to.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
