package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.shared.BusinessDate;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.zone.api.ListZones;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 报送审核, the reviewer's inbox for a month (the last ended one unless another is chosen), within the reviewer's
 * reach: the submissions waiting for review and for how many days, the zones whose month is not submitted, returned
 * or overdue, and the accepted months whose live figures have moved since (they call for a restatement). Reviews are
 * made on each submission's page.
 */
@Page
class ReviewInbox {

    private static final String YEAR = "{form.year}";
    private static final String MONTH = "{form.month}";

    private final SubmissionBook book;
    private final SubmissionBoard board;
    private final SubmissionViews views;
    private final SubmissionWarnings warnings;
    private final ZoneNames zones;
    private final PageMonths months;
    private final Clock clock;

    ReviewInbox(
            SubmissionBook book,
            SubmissionBoard board,
            SubmissionViews views,
            SubmissionWarnings warnings,
            ZoneNames zones,
            PageMonths months,
            Clock clock) {
        this.book = book;
        this.board = board;
        this.views = views;
        this.warnings = warnings;
        this.zones = zones;
        this.months = months;
        this.clock = clock;
    }

    record Waiting(SubmissionBook.Stored submission, ListZones.Zone zone, long days) {}

    /** A zone of a city's board that owes the month: not submitted, returned, or overdue. */
    record Owing(SubmissionBoard.Line line, String city, LocalDate dueOn) {}

    record Drifted(String submissionId, ListZones.Zone zone, int figures) {}

    /** Another month with submissions waiting, to switch to. */
    record OtherMonth(int year, int month, int waiting) {}

    private static final Set<SubmissionBoard.Standing> OWING = Set.of(
            SubmissionBoard.Standing.NOT_SUBMITTED,
            SubmissionBoard.Standing.RETURNED,
            SubmissionBoard.Standing.OVERDUE);

    @GetMapping("/reviews")
    String inbox(
            @RequestParam(required = false) @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR)
                    Integer year,
            @RequestParam(required = false) @Min(value = 1, message = MONTH) @Max(value = 12, message = MONTH)
                    Integer month,
            Model model,
            Reach reach) {
        YearMonth chosen = year != null && month != null ? YearMonth.of(year, month) : months.lastEnded();
        Map<String, ListZones.Zone> named = zones.of(reach.zones());
        LocalDate today = LocalDate.now(clock);
        List<Waiting> waiting = new ArrayList<>();
        Map<YearMonth, Integer> others = new TreeMap<>(Comparator.reverseOrder());
        for (SubmissionBook.Stored submission : book.waiting(named.keySet())) {
            YearMonth of = YearMonth.of(submission.year(), submission.month());
            if (of.equals(chosen)) {
                LocalDate submittedOn =
                        submission.submittedAt().atZone(BusinessDate.CHINA).toLocalDate();
                waiting.add(new Waiting(
                        submission, named.get(submission.zoneId()), ChronoUnit.DAYS.between(submittedOn, today)));
            } else {
                others.merge(of, 1, Integer::sum);
            }
        }
        model.addAttribute("chosenYear", chosen.getYear());
        model.addAttribute("chosenMonth", chosen.getMonthValue());
        model.addAttribute("years", months.years());
        model.addAttribute("waiting", waiting);
        model.addAttribute(
                "otherMonths",
                others.entrySet().stream()
                        .map(other -> new OtherMonth(
                                other.getKey().getYear(), other.getKey().getMonthValue(), other.getValue()))
                        .toList());
        model.addAttribute("owing", owing(reach, chosen));
        model.addAttribute("drifted", drifted(named, chosen));
        // 报送预警 of every month: the submissions that have waited longer than the setting allows
        model.addAttribute(
                "overdueReviews",
                warnings.of(named.keySet(), today).stream()
                        .filter(SubmissionWarnings.Warning::forReviewer)
                        .toList());
        model.addAttribute("zoneNames", named);
        return "reviews";
    }

    private List<Owing> owing(Reach reach, YearMonth month) {
        return board.within(reach, month.getYear(), month.getMonthValue()).stream()
                .flatMap(city -> city.zones().stream()
                        .filter(line -> OWING.contains(line.status()))
                        .map(line -> new Owing(line, city.city(), city.dueOn())))
                .toList();
    }

    private List<Drifted> drifted(Map<String, ListZones.Zone> named, YearMonth month) {
        return book.of(named.keySet(), month.getYear(), month.getMonthValue()).entrySet().stream()
                .map(accepted -> new Drifted(
                        accepted.getValue().submissionId(),
                        named.get(accepted.getKey()),
                        views.of(accepted.getValue().submissionId()).drift().size()))
                .filter(drifted -> drifted.figures() > 0)
                .sorted(Comparator.comparing(drifted -> drifted.zone().id()))
                .toList();
    }
}
