package cn.zhaoshang.tracker.submission;

import static cn.zhaoshang.tracker.submission.api.SubmissionWarningKind.MONTH_DUE;
import static cn.zhaoshang.tracker.submission.api.SubmissionWarningKind.MONTH_OVERDUE;

import cn.zhaoshang.tracker.submission.SubmissionWarningCommands.ClearSubmissionWarning;
import cn.zhaoshang.tracker.submission.SubmissionWarningCommands.RaiseSubmissionWarning;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningCleared;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningRaised;
import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubmissionWarningTest {

    private static final YearMonth JANUARY = YearMonth.of(2024, 1);
    private static final LocalDate DUE_ON = LocalDate.of(2024, 2, 10);

    private FixtureConfiguration<SubmissionWarning> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubmissionWarning.class);
    }

    @Test
    void a_month_due_is_raised_once() {
        fixture.givenNoPriorActivity()
                .when(new RaiseSubmissionWarning("songmu", JANUARY, MONTH_DUE, null, DUE_ON, LocalDate.of(2024, 2, 1)))
                .expectEvents(raised(MONTH_DUE, LocalDate.of(2024, 2, 1)));
        fixture.given(raised(MONTH_DUE, LocalDate.of(2024, 2, 1)))
                .when(new RaiseSubmissionWarning("songmu", JANUARY, MONTH_DUE, null, DUE_ON, LocalDate.of(2024, 2, 3)))
                .expectNoEvents();
    }

    @Test
    void a_warning_of_another_kind_replaces_the_one_raised() {
        fixture.given(raised(MONTH_DUE, LocalDate.of(2024, 2, 1)))
                .when(new RaiseSubmissionWarning(
                        "songmu", JANUARY, MONTH_OVERDUE, null, DUE_ON, LocalDate.of(2024, 2, 11)))
                .expectEvents(raised(MONTH_OVERDUE, LocalDate.of(2024, 2, 11)));
    }

    @Test
    void clearing_records_what_was_cleared_and_clearing_nothing_records_nothing() {
        fixture.given(raised(MONTH_OVERDUE, LocalDate.of(2024, 2, 11)))
                .when(new ClearSubmissionWarning("songmu", JANUARY, LocalDate.of(2024, 2, 13)))
                .expectEvents(
                        new SubmissionWarningCleared("songmu", 2024, 1, MONTH_OVERDUE, LocalDate.of(2024, 2, 13)));
        fixture.given(
                        raised(MONTH_OVERDUE, LocalDate.of(2024, 2, 11)),
                        new SubmissionWarningCleared("songmu", 2024, 1, MONTH_OVERDUE, LocalDate.of(2024, 2, 13)))
                .when(new ClearSubmissionWarning("songmu", JANUARY, LocalDate.of(2024, 2, 14)))
                .expectNoEvents();
    }

    private static SubmissionWarningRaised raised(
            cn.zhaoshang.tracker.submission.api.SubmissionWarningKind kind, LocalDate on) {
        return new SubmissionWarningRaised("songmu", 2024, 1, kind, null, DUE_ON, on);
    }
}
