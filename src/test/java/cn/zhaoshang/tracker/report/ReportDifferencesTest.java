package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.report.ReportFixture.foreign;
import static cn.zhaoshang.tracker.report.ReportFixture.landed;
import static cn.zhaoshang.tracker.report.ReportFixture.signed;
import static cn.zhaoshang.tracker.report.ReportFixture.targets;
import static cn.zhaoshang.tracker.report.ReportFixture.zone;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.project.api.Industry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A zone's year known then beside known now: which figures differ, and which events are behind each. */
class ReportDifferencesTest {

    private static final String ZONE = "songmu";
    private static final String THEN = "2024-01-05T00:00:00Z";
    private static final String NOW = "2030-01-01T00:00:00Z";
    private static final LocalDate YEAR_START = LocalDate.parse("2023-01-01");
    private static final LocalDate YEAR_END = LocalDate.parse("2023-12-31");

    @AutoClose
    private final ReportFixture history = new ReportFixture();

    private long correction;
    private long retraction;
    private long newTarget;
    private long earlierSigningCorrected;
    private long bLanded;

    @BeforeEach
    void aYearCorrectedAndRetractedAfterItWasReported() {
        history.at(
                "2023-01-05T02:00:00Z",
                zone(ZONE, "衡阳松木经济开发区", "hengyang"),
                targets(ZONE, 2023, "1000000000", "1000000", 2),
                signed("a", ZONE, "2023-03-01", "600000000"),
                signed("b", ZONE, "2023-04-01", "400000000"),
                signed("c", ZONE, "2022-06-01", "100000000"));
        history.at("2023-05-02T02:00:00Z", history.amended("c", "2023-05-01", "150000000"));
        history.at("2023-06-01T02:00:00Z", foreign("a", "a-1", "2023-06-01", "500000"), landed("a", "2023-05-01"));
        history.at("2023-07-01T02:00:00Z", foreign("a", "a-2", "2023-07-01", "500000"));
        correction = history.at(
                "2024-01-22T02:00:00Z", history.corrected("a", "2023-03-01", "650000000", null, Industry.OTHER));
        retraction = history.at("2024-02-06T02:00:00Z", history.retracted("a-2"));
        history.at("2024-02-07T02:00:00Z", foreign("b", "b-1", "2023-08-01", "100"));
        history.at("2024-02-08T02:00:00Z", history.retracted("b-1"));
        bLanded = history.at("2024-03-01T02:00:00Z", landed("b", "2024-03-01"));
        newTarget = history.at("2024-03-02T02:00:00Z", targets(ZONE, 2023, "1300000000", "1000000", 2));
        // c was signed in 2022 and amended in 2023: correcting its signing changes the 2023 amendment's increase.
        earlierSigningCorrected = history.at(
                "2024-03-03T02:00:00Z", history.corrected("c", "2022-06-01", "120000000", null, Industry.OTHER));
        // An amendment dated 2024 does not touch 2023.
        history.at("2024-05-22T02:00:00Z", history.amended("b", "2024-05-01", "500000000"));
    }

    @Test
    void each_differing_figure_names_the_events_that_moved_it_and_only_those() {
        Map<String, ReportDifferences.Row> rows = compare();

        assertThat(rows.get("contractInvestmentCny").differs()).isTrue();
        assertThat(rows.get("contractInvestmentCny").then()).isEqualByComparingTo("1050000000");
        assertThat(rows.get("contractInvestmentCny").now()).isEqualByComparingTo("1080000000");
        assertThat(rows.get("contractInvestmentCny").positions()).containsExactly(correction, earlierSigningCorrected);

        assertThat(rows.get("foreignCapitalArrivedUsd").differs()).isTrue();
        assertThat(rows.get("foreignCapitalArrivedUsd").positions()).containsExactly(retraction);
        assertThat(rows.get("foreignCapitalCompletion").positions()).containsExactly(retraction, newTarget);
        assertThat(rows.get("contractInvestmentCompletion").positions())
                .containsExactly(correction, newTarget, earlierSigningCorrected);
    }

    @Test
    void figures_that_did_not_change_are_not_marked_even_when_events_of_their_kind_came_between() {
        Map<String, ReportDifferences.Row> rows = compare();

        assertThat(rows.get("projectsSigned").differs()).isFalse();
        assertThat(rows.get("projectsSigned").positions()).isEmpty();
        // b landed in 2024: the 2023 report does not count it, so its landing is no difference.
        assertThat(rows.get("projectsLanded").differs()).isFalse();
        assertThat(rows.get("projectsLanded").now()).isEqualByComparingTo("1");
        assertThat(rows.get("projectCountCompletion").differs()).isFalse();
    }

    @Test
    void an_arrival_recorded_and_retracted_in_between_is_behind_nothing() {
        long then = history.zoneYear(ZONE, 2023, "2030-12-31", THEN).position();
        long now = history.zoneYear(ZONE, 2023, "2030-12-31", NOW).position();

        List<ReportRows.Change> changes =
                history.rows.changes(ZONE, YEAR_START, YEAR_END, LocalDate.parse("2023-12-31"), then, now);

        assertThat(changes).extracting(ReportRows.Change::kind).doesNotContain(FactKind.LANDING);
        assertThat(ReportDifferences.changed(changes, List.of(), then, now, YEAR_START, YEAR_END))
                .extracting(ReportDifferences.Changed::position)
                .containsExactlyInAnyOrder(
                        correction, correction, retraction, earlierSigningCorrected, earlierSigningCorrected);
    }

    @Test
    void a_zone_unknown_then_differs_in_every_figure_it_has_now() {
        ZoneYearViews now = history.views(ZONE, 2023, "2030-12-31", NOW);

        List<ReportDifferences.Row> rows = ReportDifferences.of(null, now, List.of());

        assertThat(rows).allSatisfy(row -> assertThat(row.then()).isNull());
        assertThat(rows).filteredOn(row -> row.now() != null).isNotEmpty().allSatisfy(row -> assertThat(row.differs())
                .isTrue());
    }

    @Test
    void every_figure_of_the_caliber_is_compared() {
        ZoneYearViews now = history.views(ZONE, 2023, "2030-12-31", NOW);

        assertThat(ReportDifferences.of(now, now, List.of()))
                .extracting(ReportDifferences.Row::figure)
                .containsExactly(Caliber.values());
    }

    @Test
    void a_landing_of_the_year_s_signing_dated_the_next_year_moves_the_cohort_not_the_year_s_landings() {
        ZoneYearViews then = history.views(ZONE, 2023, "2030-12-31", "2024-02-29T00:00:00Z");
        ZoneYearViews now = history.views(ZONE, 2023, "2030-12-31", NOW);
        Map<String, ReportDifferences.Row> rows = compare(then, now);

        assertThat(rows.get("projectsLanded").differs()).isFalse();
        assertThat(rows.get("pipeline.landed").differs()).isTrue();
        assertThat(rows.get("pipeline.landed").then()).isEqualByComparingTo("1");
        assertThat(rows.get("pipeline.landed").now()).isEqualByComparingTo("2");
        assertThat(rows.get("pipeline.landed").positions()).containsExactly(bLanded);
        assertThat(rows.get("pipeline.landingRate").positions()).containsExactly(bLanded);
    }

    @Test
    void a_correction_that_keeps_a_signing_in_the_year_moves_its_amounts_not_the_counts_of_the_year_s_signings() {
        Map<String, ReportDifferences.Row> rows = compare();

        // a's amount was corrected in between, b landed in between: only b's landing moved how many have landed
        assertThat(rows.get("pipeline.landed").positions()).containsExactly(bLanded);
        assertThat(rows.get("pipeline.cohortContractInvestmentCny").positions()).contains(correction);
    }

    @Test
    void a_report_compared_with_itself_differs_nowhere() {
        ZoneYearViews now = history.views(ZONE, 2023, "2030-12-31", NOW);

        List<ReportDifferences.Row> rows = ReportDifferences.of(now, now, List.of());

        assertThat(rows).noneMatch(ReportDifferences.Row::differs);
    }

    private Map<String, ReportDifferences.Row> compare() {
        return compare(history.views(ZONE, 2023, "2030-12-31", THEN), history.views(ZONE, 2023, "2030-12-31", NOW));
    }

    private Map<String, ReportDifferences.Row> compare(ZoneYearViews then, ZoneYearViews now) {
        long from = then.report().position();
        long to = now.report().position();
        List<ReportDifferences.Changed> changes = ReportDifferences.changed(
                history.rows.changes(ZONE, now.from(), now.until(), now.asOf(), from, to),
                history.rows.targetChanges(ZONE, 2023, from, to),
                from,
                to,
                now.from(),
                now.until());
        return ReportDifferences.of(then, now, changes).stream()
                .collect(Collectors.toMap(ReportDifferences.Row::key, Function.identity()));
    }
}
