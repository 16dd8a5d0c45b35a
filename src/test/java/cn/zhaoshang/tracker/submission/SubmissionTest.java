package cn.zhaoshang.tracker.submission;

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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubmissionTest {

    private static final String ID = "s-1";
    private static final LocalDate JUNE_END = LocalDate.of(2023, 6, 30);
    private static final ObjectNode FIGURES =
            JsonNodeFactory.instance.objectNode().put("projectsSigned", 12);
    private static final MetaData BY_BUREAU = MetaData.with(Submission.RECORDED_BY, "bureau");
    private static final MetaData BY_REVIEWER = MetaData.with(Submission.RECORDED_BY, "reviewer");

    private final Map<String, SubmissionStatus> month = new HashMap<>();
    private FixtureConfiguration<Submission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Submission.class);
        ZoneMonths months = (zone, year, m) -> month;
        fixture.registerInjectableResource(months);
    }

    private static SubmitMonth june(LocalDate today, String restatementReason) {
        return new SubmitMonth(ID, "songmu", 2023, 6, JUNE_END, today, 180, "h", FIGURES, "上半年", restatementReason);
    }

    private static MonthSubmitted submitted(String restatementOf, String reason) {
        return new MonthSubmitted(ID, "songmu", 2023, 6, JUNE_END, 180, "h", FIGURES, "上半年", restatementOf, reason);
    }

    /** The submission as stored, with who submitted it: the four-eyes rule reads it. */
    private static Object submittedByBureau() {
        return GenericEventMessage.asEventMessage(submitted(null, null)).andMetaData(BY_BUREAU);
    }

    @Test
    void a_month_that_has_ended_is_submitted_with_its_figures_frozen() {
        fixture.givenNoPriorActivity()
                .when(june(LocalDate.of(2023, 7, 3), null), BY_BUREAU)
                .expectEvents(submitted(null, null));
    }

    @Test
    void a_month_that_has_not_ended_is_refused() {
        fixture.givenNoPriorActivity()
                .when(june(JUNE_END, null), BY_BUREAU)
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_month_under_review_is_not_submitted_again() {
        month.put("s-0", SubmissionStatus.SUBMITTED);

        fixture.givenNoPriorActivity()
                .when(june(LocalDate.of(2023, 7, 3), null), BY_BUREAU)
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_returned_month_is_submitted_again() {
        month.put("s-0", SubmissionStatus.RETURNED);

        fixture.givenNoPriorActivity()
                .when(june(LocalDate.of(2023, 7, 3), null), BY_BUREAU)
                .expectEvents(submitted(null, null));
    }

    @Test
    void an_accepted_month_is_restated_only_with_a_reason() {
        month.put("s-0", SubmissionStatus.ACCEPTED);

        fixture.givenNoPriorActivity()
                .when(june(LocalDate.of(2023, 7, 3), null), BY_BUREAU)
                .expectNoEvents()
                .expectException(CommandRejected.class);
        fixture.givenNoPriorActivity()
                .when(june(LocalDate.of(2023, 8, 1), "补录6月到位外资"), BY_BUREAU)
                .expectEvents(submitted("s-0", "补录6月到位外资"));
    }

    @Test
    void another_user_accepts_a_submission_under_review() {
        fixture.given(submittedByBureau())
                .when(new AcceptSubmission(ID, "数据属实"), BY_REVIEWER)
                .expectEvents(new SubmissionAccepted(ID, "songmu", "数据属实"));
    }

    @Test
    void the_submitter_cannot_review_its_own_submission() {
        fixture.given(submittedByBureau())
                .when(new AcceptSubmission(ID, null), BY_BUREAU)
                .expectNoEvents()
                .expectException(Forbidden.class);
    }

    @Test
    void only_a_submission_under_review_is_reviewed() {
        fixture.given(submittedByBureau(), new SubmissionReturned(ID, "songmu", "外资到位凭证不全"))
                .when(new AcceptSubmission(ID, null), BY_REVIEWER)
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_returned_submission_says_why() {
        fixture.given(submittedByBureau())
                .when(new ReturnSubmission(ID, "外资到位凭证不全"), BY_REVIEWER)
                .expectEvents(new SubmissionReturned(ID, "songmu", "外资到位凭证不全"));
    }

    @Test
    void an_accepted_submission_is_superseded_by_its_accepted_restatement() {
        fixture.given(submittedByBureau(), new SubmissionAccepted(ID, "songmu", null))
                .when(new SupersedeSubmission(ID, "s-2"))
                .expectEvents(new SubmissionSuperseded(ID, "songmu", "s-2"));
    }
}
