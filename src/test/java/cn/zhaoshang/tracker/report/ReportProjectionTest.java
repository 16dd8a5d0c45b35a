package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.report.ReportFixture.EVERYTHING;
import static cn.zhaoshang.tracker.report.ReportFixture.domestic;
import static cn.zhaoshang.tracker.report.ReportFixture.foreign;
import static cn.zhaoshang.tracker.report.ReportFixture.landed;
import static cn.zhaoshang.tracker.report.ReportFixture.signed;
import static cn.zhaoshang.tracker.report.ReportFixture.started;
import static cn.zhaoshang.tracker.report.ReportFixture.targets;
import static cn.zhaoshang.tracker.report.ReportFixture.terminated;
import static cn.zhaoshang.tracker.report.ReportFixture.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportProjectionTest {

    private static final String SANMING = "三明";
    private static final String ZONE = "yongan";
    private static final String OTHER = "shaxian";
    private static final String FAR = "jiangyin";
    private static final String MINGXI = "mingxi";

    @AutoClose
    private final ReportFixture history = new ReportFixture();

    @BeforeEach
    void registerZones() {
        history.at(
                "2020-01-02T01:00:00Z",
                zone(ZONE, "永安经济开发区", SANMING),
                zone(OTHER, "沙县经济开发区", SANMING),
                zone(FAR, "江阴高新区", "无锡"));
    }

    /** The zone's report for the year with everything dated and recorded counted. */
    private ZoneYearReport report(int year) {
        return history.zoneYear(ZONE, year, "2030-12-31", EVERYTHING);
    }

    private ZoneYearReport reportKnownAt(int year, String knownAt) {
        return history.zoneYear(ZONE, year, "2030-12-31", knownAt);
    }

    // Signings: count, top-500, contracted amounts
    @Test
    void projects_signed_in_the_year_are_counted_terminated_ones_included() {
        history.at("2023-12-21T02:00:00Z", signed("p3", ZONE, "2023-12-20", "100"));
        history.at("2024-03-01T02:00:00Z", signed("p1", ZONE, "2024-03-01", "100"));
        history.at("2024-06-01T02:00:00Z", signed("p2", ZONE, "2024-06-01", "100"));
        history.at("2024-09-01T02:00:00Z", terminated("p2", "2024-09-01"));
        history.at("2024-09-02T02:00:00Z", signed("elsewhere", OTHER, "2024-09-02", "100"));

        assertThat(report(2024).projectsSigned()).isEqualTo(2);
        assertThat(report(2023).projectsSigned()).isEqualTo(1);
    }

    @Test
    void top500_projects_are_the_signings_of_the_year_whose_investor_has_a_class() {
        history.at(
                "2024-03-01T02:00:00Z",
                signed("global", ZONE, "2024-03-01", "100", Top500.GLOBAL, Industry.NEW_ENERGY),
                signed("none", ZONE, "2024-03-01", "100", null, Industry.NEW_ENERGY),
                signed("private", ZONE, "2024-04-01", "100", Top500.CHINA_PRIVATE, Industry.LOGISTICS),
                signed("last-year", ZONE, "2023-04-01", "100", Top500.CHINA, Industry.LOGISTICS));

        assertThat(report(2024).top500Projects()).isEqualTo(2);
        assertThat(report(2023).top500Projects()).isEqualTo(1);
    }

    @Test
    void contract_investment_is_the_signed_amounts_of_the_projects_signed_in_the_year() {
        history.at(
                "2024-03-01T02:00:00Z",
                signed("p1", ZONE, "2024-03-01", "1500000000"),
                signed("p2", ZONE, "2024-11-30", "250000000.50"),
                signed("p3", ZONE, "2023-03-01", "900000000"),
                signed("p4", OTHER, "2024-03-01", "700000000"));

        assertThat(report(2024).contractInvestmentCny()).isEqualByComparingTo("1750000000.50");
        assertThat(report(2023).contractInvestmentCny()).isEqualByComparingTo("900000000");
    }

    // Amendments (三明口径)
    @Test
    void an_amendment_dated_2023_of_a_project_signed_in_2022_counts_its_increment_in_2023() {
        history.at("2022-06-01T02:00:00Z", signed("old", ZONE, "2022-06-01", "100000000"));
        history.at("2023-02-01T02:00:00Z", signed("new", ZONE, "2023-02-01", "50000000"));
        history.at("2023-04-01T02:00:00Z", history.amended("old", "2023-04-01", "160000000"));

        assertThat(report(2023).contractInvestmentCny()).isEqualByComparingTo("110000000");
        assertThat(report(2022).contractInvestmentCny()).isEqualByComparingTo("100000000");
    }

    @Test
    void an_amendment_dated_2024_of_a_project_signed_in_2023_counts_in_2024_and_not_in_2023() {
        history.at("2023-05-01T02:00:00Z", signed("p", ZONE, "2023-05-01", "100000000"));
        history.at("2024-02-01T02:00:00Z", history.amended("p", "2024-02-01", "130000000"));

        assertThat(report(2023).contractInvestmentCny()).isEqualByComparingTo("100000000");
        assertThat(report(2024).contractInvestmentCny()).isEqualByComparingTo("30000000");
    }

    @Test
    void a_decrease_subtracts_what_it_takes_away() {
        history.at("2023-05-01T02:00:00Z", signed("p", ZONE, "2023-05-01", "200000000"));
        history.at("2024-01-10T02:00:00Z", signed("q", ZONE, "2024-01-10", "80000000"));
        history.at("2024-03-01T02:00:00Z", history.amended("p", "2024-03-01", "150000000"));

        assertThat(report(2024).contractInvestmentCny()).isEqualByComparingTo("30000000");
    }

    @Test
    void a_second_amendment_is_measured_from_the_total_of_the_first() {
        history.at("2022-05-01T02:00:00Z", signed("p", ZONE, "2022-05-01", "100000000"));
        history.at("2023-03-01T02:00:00Z", history.amended("p", "2023-03-01", "150000000"));
        history.at("2023-10-01T02:00:00Z", history.amended("p", "2023-10-01", "120000000"));
        history.at("2024-01-15T02:00:00Z", history.amended("p", "2024-01-15", "200000000"));

        assertThat(report(2023).contractInvestmentCny()).isEqualByComparingTo("20000000");
        assertThat(report(2024).contractInvestmentCny()).isEqualByComparingTo("80000000");
    }

    // Signing corrections and the two clocks
    @Test
    void a_signing_corrected_into_another_year_counts_in_that_year_only() {
        history.at("2023-12-28T08:00:00Z", signed("p", ZONE, "2023-12-28", "500000000"));
        history.at("2024-01-10T02:00:00Z", history.corrected("p", "2024-01-03", "500000000", null, Industry.OTHER));

        assertThat(report(2023).projectsSigned()).isZero();
        assertThat(report(2023).contractInvestmentCny()).isEqualByComparingTo("0");
        assertThat(report(2024).projectsSigned()).isEqualTo(1);
        assertThat(report(2024).contractInvestmentCny()).isEqualByComparingTo("500000000");
        assertThat(history.zoneYear(ZONE, 2024, "2024-01-02", EVERYTHING).projectsSigned())
                .isZero();
    }

    @Test
    void a_corrected_top500_class_and_industry_replace_the_signed_ones() {
        history.at("2024-03-01T02:00:00Z", signed("p", ZONE, "2024-03-01", "100", null, Industry.OTHER));
        history.at("2024-03-05T02:00:00Z", signed("q", ZONE, "2024-03-01", "100", Top500.CHINA, Industry.OTHER));
        history.at(
                "2024-04-01T02:00:00Z",
                history.corrected("p", "2024-03-01", "100", Top500.GLOBAL, Industry.NEW_ENERGY),
                history.corrected("q", "2024-03-01", "100", null, Industry.OTHER));

        List<Fact> facts = history.facts(ZONE, "2024-12-31", "2024-12-31", EVERYTHING);

        assertThat(report(2024).top500Projects()).isEqualTo(1);
        assertThat(DashboardViews.industries(facts, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")))
                .extracting(DashboardViews.IndustryShare::industry, DashboardViews.IndustryShare::projects)
                .containsExactly(tuple("NEW_ENERGY", 1), tuple("OTHER", 1));
        assertThat(DashboardViews.top500(facts, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.projectId()).isEqualTo("p");
                    assertThat(line.top500()).isEqualTo("GLOBAL");
                    assertThat(line.projectName()).isEqualTo("项目 p");
                    assertThat(line.investorName()).isEqualTo("投资方 p");
                });
    }

    @Test
    void a_corrected_amount_replaces_the_signed_amount() {
        history.at("2024-03-01T02:00:00Z", signed("p", ZONE, "2024-03-01", "1500000000"));
        history.at("2024-03-02T02:00:00Z", history.corrected("p", "2024-03-01", "1400000000", null, Industry.OTHER));

        assertThat(report(2024).contractInvestmentCny()).isEqualByComparingTo("1400000000");
        assertThat(report(2024).projectsSigned()).isEqualTo(1);
    }

    @Test
    void correcting_the_signed_amount_after_an_amendment_keeps_the_current_total() {
        history.at("2023-03-01T02:00:00Z", signed("p", ZONE, "2023-03-01", "1500000000"));
        history.at("2023-09-01T02:00:00Z", history.amended("p", "2023-09-01", "1800000000"));
        history.at("2023-10-01T02:00:00Z", history.corrected("p", "2023-03-01", "1400000000", null, Industry.OTHER));

        assertThat(report(2023).contractInvestmentCny()).isEqualByComparingTo("1800000000");
    }

    @Test
    void correcting_the_signed_amount_of_an_earlier_year_moves_the_increment_into_the_year_of_the_amendment() {
        history.at("2022-03-01T02:00:00Z", signed("p", ZONE, "2022-03-01", "1500000000"));
        history.at("2023-09-01T02:00:00Z", history.amended("p", "2023-09-01", "1800000000"));
        history.at("2023-10-01T02:00:00Z", history.corrected("p", "2022-03-01", "1400000000", null, Industry.OTHER));

        assertThat(report(2022).contractInvestmentCny()).isEqualByComparingTo("1400000000");
        assertThat(report(2023).contractInvestmentCny()).isEqualByComparingTo("400000000");
    }

    @Test
    void a_report_known_before_the_correction_shows_the_signing_as_it_was() {
        history.at("2023-12-28T08:00:00Z", signed("p", ZONE, "2023-12-28", "500000000"));
        long before = history.at("2024-01-05T02:00:00Z", foreign("p", "a1", "2023-12-29", "10"));
        long correction = history.at(
                "2024-01-10T02:00:00Z",
                history.corrected("p", "2023-12-28", "600000000", Top500.GLOBAL, Industry.OTHER));

        for (ZoneYearReport known : List.of(
                reportKnownAt(2023, "2024-01-09T00:00:00Z"),
                history.zoneYearAtPosition(ZONE, 2023, "2030-12-31", before))) {
            assertThat(known.projectsSigned()).isEqualTo(1);
            assertThat(known.top500Projects()).isZero();
            assertThat(known.contractInvestmentCny()).isEqualByComparingTo("500000000");
        }
        for (ZoneYearReport known : List.of(
                reportKnownAt(2023, "2024-01-10T02:00:00Z"),
                history.zoneYearAtPosition(ZONE, 2023, "2030-12-31", correction))) {
            assertThat(known.projectsSigned()).isEqualTo(1);
            assertThat(known.top500Projects()).isEqualTo(1);
            assertThat(known.contractInvestmentCny()).isEqualByComparingTo("600000000");
        }
    }

    @Test
    void a_report_known_before_a_correction_into_another_year_keeps_the_signing_in_the_old_year() {
        history.at("2023-12-28T08:00:00Z", signed("p", ZONE, "2023-12-28", "500000000"));
        history.at("2024-01-10T02:00:00Z", history.corrected("p", "2024-01-03", "500000000", null, Industry.OTHER));

        assertThat(reportKnownAt(2023, "2024-01-09T00:00:00Z").projectsSigned()).isEqualTo(1);
        assertThat(reportKnownAt(2024, "2024-01-09T00:00:00Z").projectsSigned()).isZero();
        assertThat(reportKnownAt(2023, "2024-01-11T00:00:00Z").projectsSigned()).isZero();
        assertThat(reportKnownAt(2024, "2024-01-11T00:00:00Z").projectsSigned()).isEqualTo(1);
    }

    // Capital arrivals and retractions
    @Test
    void foreign_and_domestic_arrivals_of_the_year_are_summed_separately_for_every_project_of_the_zone() {
        history.at(
                "2024-03-01T02:00:00Z",
                signed("old", ZONE, "2021-05-01", "100"),
                signed("new", ZONE, "2024-02-01", "100"),
                signed("next-door", OTHER, "2024-02-01", "100"),
                foreign("old", "a1", "2024-03-01", "3000000"),
                foreign("new", "a2", "2024-12-31", "2000000.25"),
                domestic("old", "a3", "2024-01-01", "50000000"),
                domestic("new", "a4", "2024-02-01", "7000000"),
                foreign("old", "a5", "2023-12-31", "999"),
                domestic("old", "a6", "2023-12-31", "999"),
                foreign("next-door", "a7", "2024-03-01", "999"),
                domestic("next-door", "a8", "2024-03-01", "999"));

        ZoneYearReport report = report(2024);

        assertThat(report.foreignCapitalArrivedUsd()).isEqualByComparingTo("5000000.25");
        assertThat(report.domesticCapitalArrivedCny()).isEqualByComparingTo("57000000");
    }

    @Test
    void a_retracted_arrival_is_gone_from_reports_known_after_the_retraction_but_not_from_earlier_ones() {
        history.at(
                "2024-03-01T02:00:00Z",
                signed("p", ZONE, "2024-02-01", "100"),
                foreign("p", "kept", "2024-03-01", "200"),
                domestic("p", "kept-too", "2024-03-01", "300"));
        long recorded = history.at("2024-04-01T02:00:00Z", foreign("p", "twice", "2024-03-01", "200"));
        long retraction = history.at("2024-04-02T02:00:00Z", history.retracted("twice"));

        assertThat(reportKnownAt(2024, "2024-04-01T12:00:00Z").foreignCapitalArrivedUsd())
                .isEqualByComparingTo("400");
        assertThat(history.zoneYearAtPosition(ZONE, 2024, "2024-12-31", recorded)
                        .foreignCapitalArrivedUsd())
                .isEqualByComparingTo("400");
        assertThat(reportKnownAt(2024, "2024-04-02T02:00:00Z").foreignCapitalArrivedUsd())
                .isEqualByComparingTo("200");
        assertThat(history.zoneYearAtPosition(ZONE, 2024, "2024-12-31", retraction)
                        .foreignCapitalArrivedUsd())
                .isEqualByComparingTo("200");
        assertThat(report(2024).domesticCapitalArrivedCny()).isEqualByComparingTo("300");
    }

    @Test
    void a_retracted_domestic_arrival_no_longer_counts() {
        history.at(
                "2024-03-01T02:00:00Z",
                signed("p", ZONE, "2024-02-01", "100"),
                domestic("p", "d1", "2024-03-01", "300"),
                domestic("p", "d2", "2024-03-02", "50"));
        history.at("2024-04-02T02:00:00Z", history.retracted("d1"));

        assertThat(report(2024).domesticCapitalArrivedCny()).isEqualByComparingTo("50");
    }

    // asOf and the stage counts
    @Test
    void as_of_cuts_by_business_date_whatever_was_recorded_by_then() {
        history.at("2024-03-01T02:00:00Z", signed("p", ZONE, "2024-03-01", "100"));
        history.at(
                "2024-06-20T02:00:00Z",
                foreign("p", "in-time", "2024-06-30", "10"),
                foreign("p", "in-july", "2024-07-01", "20"),
                domestic("p", "domestic-in-july", "2024-07-01", "30"),
                landed("p", "2024-07-01"),
                history.amended("p", "2024-07-01", "150"),
                signed("q", ZONE, "2024-07-01", "1000"));

        ZoneYearReport report = history.zoneYear(ZONE, 2024, "2024-06-30", EVERYTHING);

        assertThat(report.asOf()).isEqualTo(LocalDate.parse("2024-06-30"));
        assertThat(report.foreignCapitalArrivedUsd()).isEqualByComparingTo("10");
        assertThat(report.domesticCapitalArrivedCny()).isEqualByComparingTo("0");
        assertThat(report.projectsLanded()).isZero();
        assertThat(report.projectsSigned()).isEqualTo(1);
        assertThat(report.contractInvestmentCny()).isEqualByComparingTo("100");
        assertThat(history.zoneYear(ZONE, 2024, "2024-07-01", EVERYTHING).contractInvestmentCny())
                .isEqualByComparingTo("1150");
    }

    @Test
    void landings_production_starts_and_terminations_are_counted_by_their_dates_in_the_year() {
        history.at("2023-02-01T02:00:00Z", signed("a", ZONE, "2023-02-01", "100"));
        history.at("2023-06-01T02:00:00Z", landed("a", "2023-06-01"));
        history.at(
                "2024-02-01T02:00:00Z",
                started("a", "2024-02-01"),
                signed("b", ZONE, "2024-01-05", "100"),
                landed("b", "2024-01-20"),
                signed("c", ZONE, "2024-01-06", "100"),
                terminated("c", "2024-01-30"),
                signed("d", OTHER, "2024-01-06", "100"),
                landed("d", "2024-01-20"),
                terminated("d", "2024-01-30"));

        ZoneYearReport in2024 = report(2024);
        ZoneYearReport in2023 = report(2023);

        assertThat(List.of(in2024.projectsLanded(), in2024.projectsInProduction(), in2024.projectsTerminated()))
                .containsExactly(1, 1, 1);
        assertThat(List.of(in2023.projectsLanded(), in2023.projectsInProduction(), in2023.projectsTerminated()))
                .containsExactly(1, 0, 0);
    }

    // Annual targets and completions
    @Test
    void the_targets_are_the_latest_set_for_the_zone_and_year_and_completions_are_rounded_half_up() {
        history.at("2024-01-05T02:00:00Z", targets(ZONE, 2024, "3000000000", "700", 4));
        history.at(
                "2024-03-01T02:00:00Z",
                signed("p", ZONE, "2024-03-01", "1000000000"),
                foreign("p", "a1", "2024-03-01", "1448"),
                targets(OTHER, 2024, "1", "1", 1),
                targets(ZONE, 2025, "1", "1", 1));

        ZoneYearReport report = report(2024);

        assertThat(report.targets())
                .isEqualTo(new ZoneYearReport.Targets(new BigDecimal("3000000000.00"), new BigDecimal("700.00"), 4));
        assertThat(report.foreignCapitalCompletion()).isEqualTo(new BigDecimal("2.0686"));
        assertThat(report.contractInvestmentCompletion()).isEqualTo(new BigDecimal("0.3333"));
        assertThat(report.projectCountCompletion()).isEqualTo(new BigDecimal("0.2500"));
    }

    @Test
    void a_report_known_before_a_revision_shows_the_targets_as_they_were() {
        history.at("2024-01-05T02:00:00Z", targets(ZONE, 2024, "3000000000", "700", 4));
        history.at(
                "2024-03-01T02:00:00Z",
                signed("p", ZONE, "2024-03-01", "1000000000"),
                foreign("p", "a1", "2024-03-01", "1448"));
        long revision = history.at("2024-07-01T02:00:00Z", targets(ZONE, 2024, "2000000000", "800", 5));

        ZoneYearReport before = reportKnownAt(2024, "2024-06-30T00:00:00Z");
        ZoneYearReport after = reportKnownAt(2024, "2024-07-01T02:00:00Z");

        assertThat(before.targets().foreignCapitalUsd()).isEqualByComparingTo("700");
        assertThat(before.foreignCapitalCompletion()).isEqualTo(new BigDecimal("2.0686"));
        assertThat(history.zoneYearAtPosition(ZONE, 2024, "2030-12-31", revision - 1)
                        .targets()
                        .projectCount())
                .isEqualTo(4);
        assertThat(after.targets())
                .isEqualTo(new ZoneYearReport.Targets(new BigDecimal("2000000000.00"), new BigDecimal("800.00"), 5));
        assertThat(after.foreignCapitalCompletion()).isEqualTo(new BigDecimal("1.8100"));
        assertThat(after.contractInvestmentCompletion()).isEqualTo(new BigDecimal("0.5000"));
        assertThat(after.projectCountCompletion()).isEqualTo(new BigDecimal("0.2000"));
    }

    @Test
    void without_targets_the_targets_and_completions_are_null() {
        history.at(
                "2024-03-01T02:00:00Z",
                signed("p", ZONE, "2024-03-01", "1000000000"),
                foreign("p", "a1", "2024-03-01", "1448"));
        history.at("2024-03-02T02:00:00Z", targets(ZONE, 2024, "3000000000", null, null));

        ZoneYearReport unset = reportKnownAt(2024, "2024-03-01T02:00:00Z");
        ZoneYearReport partly = report(2024);

        assertThat(unset.targets()).isEqualTo(new ZoneYearReport.Targets(null, null, null));
        assertThat(unset.contractInvestmentCompletion()).isNull();
        assertThat(unset.foreignCapitalCompletion()).isNull();
        assertThat(unset.projectCountCompletion()).isNull();
        assertThat(partly.contractInvestmentCompletion()).isEqualTo(new BigDecimal("0.3333"));
        assertThat(partly.foreignCapitalCompletion()).isNull();
        assertThat(partly.projectCountCompletion()).isNull();
    }

    // City totals, shares and ranks

    /** yongan 400, mingxi 100 and shaxian 100 of 600 USD in 三明; jiangyin (无锡) much more. */
    private void arrivalsInThreeZones() {
        history.at("2021-01-04T01:00:00Z", zone(MINGXI, "明溪经济开发区", SANMING));
        history.at(
                "2024-03-01T02:00:00Z",
                signed("y", ZONE, "2024-03-01", "1000"),
                signed("m", MINGXI, "2024-03-01", "200"),
                signed("m2", MINGXI, "2024-03-02", "300"),
                signed("s", OTHER, "2023-03-01", "50"),
                signed("j", FAR, "2024-03-01", "99999"),
                foreign("y", "a1", "2024-04-01", "400"),
                foreign("m", "a2", "2024-04-01", "100"),
                foreign("s", "a3", "2024-04-01", "100"),
                foreign("j", "a4", "2024-04-01", "10000"));
    }

    @Test
    void the_city_report_totals_the_zones_of_the_city_and_ranks_them_with_ties_sharing_a_rank() {
        arrivalsInThreeZones();

        CityReport city = history.city(SANMING, 2024, "2030-12-31", EVERYTHING);

        assertThat(city.foreignCapitalArrivedUsd()).isEqualByComparingTo("600");
        assertThat(city.contractInvestmentCny()).isEqualByComparingTo("1500");
        assertThat(city.projectsSigned()).isEqualTo(3);
        assertThat(city.zones())
                .extracting(
                        CityReport.ZoneLine::zoneId,
                        CityReport.ZoneLine::name,
                        CityReport.ZoneLine::foreignCapitalRank,
                        CityReport.ZoneLine::foreignCapitalShare,
                        CityReport.ZoneLine::projectsSigned)
                .containsExactly(
                        tuple(ZONE, "永安经济开发区", 1, new BigDecimal("0.6667"), 1),
                        tuple(MINGXI, "明溪经济开发区", 2, new BigDecimal("0.1667"), 2),
                        tuple(OTHER, "沙县经济开发区", 2, new BigDecimal("0.1667"), 0));
    }

    @Test
    void the_zone_report_carries_its_city_total_share_and_rank() {
        arrivalsInThreeZones();

        ZoneYearReport.City yongan = report(2024).city();
        ZoneYearReport.City shaxian =
                history.zoneYear(OTHER, 2024, "2030-12-31", EVERYTHING).city();

        assertThat(yongan.city()).isEqualTo(SANMING);
        assertThat(yongan.zones()).isEqualTo(3);
        assertThat(yongan.foreignCapitalArrivedUsd()).isEqualByComparingTo("600");
        assertThat(yongan.foreignCapitalShare()).isEqualTo(new BigDecimal("0.6667"));
        assertThat(yongan.foreignCapitalRank()).isEqualTo(1);
        assertThat(shaxian.foreignCapitalShare()).isEqualTo(new BigDecimal("0.1667"));
        assertThat(shaxian.foreignCapitalRank()).isEqualTo(2);
        assertThat(history.zoneYear(FAR, 2024, "2030-12-31", EVERYTHING).city())
                .isEqualTo(new ZoneYearReport.City("无锡", 1, new BigDecimal("10000.00"), new BigDecimal("1.0000"), 1));
    }

    @Test
    void without_any_foreign_capital_in_the_city_the_shares_are_null_and_every_zone_ranks_first() {
        CityReport city = history.city(SANMING, 2024, "2030-12-31", EVERYTHING);

        assertThat(city.zones())
                .extracting(
                        CityReport.ZoneLine::zoneId,
                        CityReport.ZoneLine::foreignCapitalRank,
                        CityReport.ZoneLine::foreignCapitalShare)
                .containsExactly(tuple(OTHER, 1, null), tuple(ZONE, 1, null));
    }

    @Test
    void zones_registered_after_the_report_was_known_are_not_in_the_city() {
        history.at("2024-03-01T02:00:00Z", signed("y", ZONE, "2024-03-01", "1000"));
        history.at("2024-06-01T02:00:00Z", zone(MINGXI, "明溪经济开发区", SANMING));

        assertThat(history.city(SANMING, 2024, "2030-12-31", "2024-05-01T00:00:00Z")
                        .zones())
                .extracting(CityReport.ZoneLine::zoneId)
                .containsExactly(OTHER, ZONE);
        assertThat(reportKnownAt(2024, "2024-05-01T00:00:00Z").city().zones()).isEqualTo(2);
        assertThat(history.city(SANMING, 2024, "2030-12-31", EVERYTHING).zones())
                .extracting(CityReport.ZoneLine::zoneId)
                .containsExactly(MINGXI, OTHER, ZONE);
        assertThatThrownBy(() -> history.zoneYear(MINGXI, 2024, "2030-12-31", "2024-05-01T00:00:00Z"))
                .isInstanceOf(UnknownZone.class);
    }

    @Test
    void a_city_without_zones_is_not_found() {
        assertThatThrownBy(() -> history.city("福州", 2024, "2030-12-31", EVERYTHING))
                .isInstanceOf(NotFound.class);
    }

    // Positions and unknowns
    @Test
    void the_position_is_the_last_one_recorded_at_or_before_known_at() {
        long signing = history.at("2024-03-01T02:00:00Z", signed("p", ZONE, "2024-03-01", "100"));
        long arrival = history.at("2024-03-02T02:00:00Z", foreign("p", "a1", "2024-03-02", "10"));

        assertThat(reportKnownAt(2024, "2024-03-01T02:00:00Z").position()).isEqualTo(signing);
        assertThat(reportKnownAt(2024, "2024-03-02T01:59:59.999Z").position()).isEqualTo(signing);
        assertThat(reportKnownAt(2024, "2024-03-02T02:00:00Z").position()).isEqualTo(arrival);
        assertThat(report(2024).position()).isEqualTo(arrival);
        assertThat(reportKnownAt(2024, "2024-03-02T01:59:59.999Z").foreignCapitalArrivedUsd())
                .isEqualByComparingTo("0");
        assertThat(reportKnownAt(2024, "2024-03-02T01:59:59.999Z").knownAt())
                .isEqualTo(Instant.parse("2024-03-02T01:59:59.999Z"));
    }

    @Test
    void a_report_at_a_position_shows_the_history_as_it_ended_there() {
        long signing = history.at("2024-03-01T02:00:00Z", signed("p", ZONE, "2024-03-01", "100"));
        history.at("2024-03-02T02:00:00Z", foreign("p", "a1", "2024-03-02", "10"));

        ZoneYearReport atSigning = history.zoneYearAtPosition(ZONE, 2024, "2030-12-31", signing);

        assertThat(atSigning.position()).isEqualTo(signing);
        assertThat(atSigning.projectsSigned()).isEqualTo(1);
        assertThat(atSigning.foreignCapitalArrivedUsd()).isEqualByComparingTo("0");
    }

    @Test
    void a_position_beyond_the_head_is_not_found() {
        long head = history.at("2024-03-01T02:00:00Z", signed("p", ZONE, "2024-03-01", "100"));

        assertThat(history.zoneYearAtPosition(ZONE, 2024, "2024-12-31", head).position())
                .isEqualTo(head);
        assertThatThrownBy(() -> history.zoneYearAtPosition(ZONE, 2024, "2024-12-31", head + 1))
                .isInstanceOf(NotFound.class)
                .isNotInstanceOf(UnknownZone.class);
    }

    @Test
    void an_unknown_zone_is_reported_as_such() {
        assertThatThrownBy(() -> history.zoneYear("atlantis", 2024, "2024-12-31", EVERYTHING))
                .isInstanceOf(UnknownZone.class);
    }

    @Test
    void without_clocks_a_report_is_as_of_today_in_china_and_known_to_the_end_of_the_history() {
        long head = history.at("2024-03-01T02:00:00Z", signed("p", ZONE, "2024-03-01", "100"));

        ReportPoint point = history.reports.point(null, null, null);

        // 2025-02-28T17:00Z is already 1 March in Shanghai.
        assertThat(point.asOf()).isEqualTo(LocalDate.parse("2025-03-01"));
        assertThat(point.knownAt())
                .as("echoed as given, so that atPosition reproduces it")
                .isNull();
        assertThat(point.position()).isEqualTo(head);
    }

    // Reset and replay
    private void someHistory() {
        history.at(
                "2023-05-01T02:00:00Z",
                signed("p", ZONE, "2023-05-01", "1500000000", Top500.GLOBAL, Industry.NEW_ENERGY));
        history.at("2024-01-05T02:00:00Z", targets(ZONE, 2024, "3000000000", "700", 4));
        history.at(
                "2024-02-01T02:00:00Z",
                history.amended("p", "2024-02-01", "1800000000"),
                signed("q", OTHER, "2024-02-01", "100"),
                foreign("p", "a1", "2024-02-01", "1448"),
                foreign("q", "a2", "2024-02-01", "300"),
                landed("p", "2024-02-01"));
        history.at(
                "2024-03-01T02:00:00Z",
                history.retracted("a2"),
                history.corrected("p", "2023-05-01", "1400000000", null, Industry.LOGISTICS));
        history.at("2024-04-01T02:00:00Z", targets(ZONE, 2024, "3000000000", "800", 4), started("p", "2024-04-01"));
    }

    private List<Object> reports() {
        return List.of(
                report(2023),
                report(2024),
                reportKnownAt(2024, "2024-02-15T00:00:00Z"),
                history.zoneYear(ZONE, 2024, "2024-03-15", "2024-03-15T00:00:00Z"),
                history.zoneYearAtPosition(ZONE, 2024, "2030-12-31", 6),
                history.city(SANMING, 2024, "2030-12-31", EVERYTHING),
                history.city(SANMING, 2024, "2030-12-31", "2024-02-15T00:00:00Z"),
                history.facts(ZONE, "2030-12-31", "2030-12-31", EVERYTHING));
    }

    @Test
    void a_reset_empties_every_report_table() {
        someHistory();
        assertThat(history.rowCount("report_target")).isEqualTo(2);

        history.projection.reset();

        for (String table : List.of("report_fact", "report_zone", "report_target", "report_position")) {
            assertThat(history.rowCount(table)).as(table).isZero();
        }
    }

    @Test
    void the_same_events_after_a_reset_give_identical_reports() {
        someHistory();
        List<Object> before = reports();

        history.projection.reset();
        history.recordEverythingAgain();

        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void a_replay_with_batched_statements_leaves_the_rows_the_events_left_one_by_one() {
        someHistory();
        history.at(
                "2024-05-01T02:00:00Z",
                signed("r", FAR, "2024-05-01", "200"),
                terminated("r", "2024-05-02"),
                domestic("q", "a3", "2024-05-03", "50"),
                history.corrected("q", "2024-02-02", "120", Top500.GLOBAL, Industry.OTHER));
        List<String> rows = history.allRows();
        List<Object> before = reports();

        history.replayEverything();

        assertThat(history.allRows()).isEqualTo(rows);
        assertThat(reports()).isEqualTo(before);
    }
}
