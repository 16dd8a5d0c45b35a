package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.report.ReportFixture.EVERYTHING;
import static cn.zhaoshang.tracker.report.ReportFixture.domestic;
import static cn.zhaoshang.tracker.report.ReportFixture.landed;
import static cn.zhaoshang.tracker.report.ReportFixture.signed;
import static cn.zhaoshang.tracker.report.ReportFixture.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.tracker.platform.ReadModelReplaced;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edge cases of the report clocks and views: an empty history, exact instants, out-of-order commits. */
class ReportEdgeCasesTest {

    private static final String SANMING = "三明";
    private static final String ZONE = "yongan";

    @AutoClose
    private final ReportFixture history = new ReportFixture();

    @BeforeEach
    void registerZone() {
        history.at("2020-01-02T01:00:00Z", zone(ZONE, "永安经济开发区", SANMING));
    }

    private ZoneYearReport reportKnownAt(int year, String knownAt) {
        return history.zoneYear(ZONE, year, "2030-12-31", knownAt);
    }

    @Test
    void before_anything_was_recorded_there_is_no_position() {
        ReportFixture empty = new ReportFixture();
        try {
            ReportPoint point =
                    empty.reports.point(LocalDate.parse("2024-12-31"), Instant.parse("2024-01-01T00:00:00Z"), null);

            assertThat(point.position()).isNull();
            assertThat(empty.rows.head()).isEmpty();
            assertThat(empty.rows.positionKnownAt(Instant.parse("2024-01-01T00:00:00Z"), 0))
                    .isEmpty();
            assertThat(empty.reports.point(null, null, null).position()).isNull();
            assertThatThrownBy(() -> empty.city(SANMING, 2024, "2024-12-31", EVERYTHING))
                    .isInstanceOf(NotFound.class);
        } finally {
            empty.close();
        }
    }

    @Test
    void a_report_known_before_the_first_event_has_no_position_and_no_zone() {
        assertThat(history.reports
                        .point(LocalDate.parse("2024-12-31"), Instant.parse("2020-01-02T00:59:59Z"), null)
                        .position())
                .isNull();
        assertThatThrownBy(() -> reportKnownAt(2024, "2020-01-02T00:59:59Z")).isInstanceOf(UnknownZone.class);
    }

    @Test
    void a_report_at_a_position_is_computed_once_and_a_later_position_gives_a_new_one() {
        history.at("2024-01-09T02:00:00Z", signed("a", ZONE, "2024-01-09", "100"));
        ReportPoint head = history.reports.point(LocalDate.parse("2024-12-31"), null, null);
        ZoneYearReport first = history.reports.zoneYear(ZONE, 2024, head);
        CityReport city = history.reports.city(SANMING, 2024, head);

        assertThat(history.reports.zoneYear(ZONE, 2024, head)).isSameAs(first);
        assertThat(history.reports.city(SANMING, 2024, head)).isSameAs(city);

        history.at("2024-06-01T02:00:00Z", signed("b", ZONE, "2024-06-01", "100"));
        ReportPoint later = history.reports.point(LocalDate.parse("2024-12-31"), null, null);
        assertThat(history.reports.zoneYear(ZONE, 2024, later).projectsSigned()).isEqualTo(2);
        assertThat(history.reports.zoneYear(ZONE, 2024, head)).isSameAs(first);

        history.projection.reset();
        history.recordEverythingAgain();
        history.figures.on(new ReadModelReplaced(ReportProjection.PROCESSOR));
        ZoneYearReport replayed = history.reports.zoneYear(ZONE, 2024, head);
        assertThat(replayed).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void the_head_is_where_the_slowest_segment_stands() {
        long head = history.at("2024-01-09T02:00:00Z", signed("early", ZONE, "2024-01-09", "100"));
        history.at("2024-01-10T02:00:00Z", signed("late", ZONE, "2024-01-10", "100"));
        history.storeToken(1, new GlobalSequenceTrackingToken(head - 1));

        assertThat(history.rows.head()).contains(head - 1);
        assertThat(history.reports.point(null, null, null).position()).isEqualTo(head - 1);
        assertThat(history.reports
                        .point(null, Instant.parse("2030-01-01T00:00:00Z"), null)
                        .position())
                .isEqualTo(head - 1);
        assertThatThrownBy(() -> history.reports.point(null, null, head + 1)).isInstanceOf(NotFound.class);
    }

    @Test
    void the_pipeline_followed_to_as_of_ignores_amendments_dated_after_as_of() {
        history.at("2024-01-10T02:00:00Z", signed("a", ZONE, "2024-01-10", "100"));
        history.at("2024-03-01T02:00:00Z", domestic("a", "d1", "2024-03-01", "50"), landed("a", "2024-08-01"));
        history.at("2024-09-01T02:00:00Z", history.amended("a", "2024-09-01", "200"));
        String asOf = "2024-06-30";

        // as ReportController.pipeline does: facts up to asOf, window 2024-01-01 .. yearEnd(2024) = asOf
        List<Fact> facts = history.facts(ZONE, asOf, asOf, EVERYTHING);
        DashboardViews.Pipeline pipeline = DashboardViews.pipeline(
                facts, LocalDate.parse("2024-01-01"), LocalDate.parse(asOf), LocalDate.parse(asOf));

        assertThat(pipeline.landed()).isZero();
        // contracted as of 2024-06-30 is 100 (the 增资 to 200 is dated 2024-09-01): 50 / 100, not 50 / 200
        assertThat(pipeline.capitalArrivalRate()).isEqualTo(new BigDecimal("0.5000"));
    }

    @Test
    void a_report_known_at_the_exact_recording_instant_of_an_event_includes_it() {
        long signing = history.at("2024-03-01T02:00:00.123456789Z", signed("a", ZONE, "2024-03-01", "100"));

        assertThat(reportKnownAt(2024, "2024-03-01T02:00:00.123456789Z").position())
                .isEqualTo(signing);
    }

    /**
     * Two commands can commit in the other order than they were stamped. A report known at an instant counts the
     * history up to the first event recorded after it: never anything recorded later, and always a prefix of the
     * history that {@code atPosition} reproduces.
     */
    @Test
    void a_report_known_at_an_instant_counts_nothing_recorded_after_it() {
        long late = history.at("2024-03-01T02:00:02Z", signed("late", ZONE, "2024-03-01", "100"));
        history.at("2024-03-01T02:00:01Z", signed("early", ZONE, "2024-03-01", "100"));

        ZoneYearReport report = reportKnownAt(2024, "2024-03-01T02:00:01.500Z");
        assertThat(report.projectsSigned()).isZero();
        assertThat(report.position()).isEqualTo(late - 1);
        assertThat(reportKnownAt(2024, "2024-03-01T02:00:02Z").projectsSigned()).isEqualTo(2);
    }
}
