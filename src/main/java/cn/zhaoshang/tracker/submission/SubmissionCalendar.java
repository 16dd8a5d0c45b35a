package cn.zhaoshang.tracker.submission;

import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The submission deadlines: a month is reported by the due day of the next month ({@code tracker.submission-due-day},
 * the 10th), and a reviewer is warned when a submission has waited {@code tracker.submission-review-days} (5) days.
 */
@Component
class SubmissionCalendar {

    private final int dueDay;
    private final int reviewDays;
    private final YearMonth warnFrom;

    @Autowired
    SubmissionCalendar(
            @Value("${tracker.submission-due-day:10}") int dueDay,
            @Value("${tracker.submission-review-days:5}") int reviewDays,
            @Value("${tracker.submission-warnings-from:}") String warnFrom) {
        if (dueDay < 1 || dueDay > 28 || reviewDays < 0) {
            throw new IllegalArgumentException(
                    "tracker.submission-due-day must be 1..28 and tracker.submission-review-days not negative");
        }
        this.dueDay = dueDay;
        this.reviewDays = reviewDays;
        this.warnFrom = warnFrom.isBlank() ? null : YearMonth.parse(warnFrom.strip());
    }

    SubmissionCalendar(int dueDay, int reviewDays) {
        this(dueDay, reviewDays, "");
    }

    /**
     * The first month a zone registered in {@code registered} answers for: its registration month, or the month the
     * bureaus started reporting through the tracker ({@code tracker.submission-warnings-from}) if that is later.
     */
    YearMonth firstMonth(YearMonth registered) {
        return warnFrom == null || registered.isAfter(warnFrom) ? registered : warnFrom;
    }

    LocalDate dueOn(YearMonth month) {
        return month.plusMonths(1).atDay(dueDay);
    }

    /** The day a submission made on {@code submittedOn} and still undecided becomes the reviewer's warning. */
    LocalDate reviewDueOn(LocalDate submittedOn) {
        return submittedOn.plusDays(reviewDays);
    }
}
