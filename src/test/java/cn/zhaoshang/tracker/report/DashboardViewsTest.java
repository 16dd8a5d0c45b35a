package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.report.Facts.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardViewsTest {

    private static final LocalDate FROM = date("2024-01-01");
    private static final LocalDate TO = date("2024-12-31");

    // monthly

    @Test
    void the_monthly_series_has_twelve_months_with_signings_amendment_changes_and_foreign_arrivals_by_month() {
        Facts facts = new Facts()
                .signing("old", "2023-06-01", "500")
                .signing("a", "2024-01-15", "100")
                .signing("b", "2024-03-10", "200")
                .amendment("old", "2024-03-20", "550")
                .amendment("a", "2024-06-01", "70")
                .foreign("a", "2024-02-01", "10")
                .foreign("old", "2024-03-05", "5")
                .domestic("a", "2024-02-01", "999")
                .signing("next", "2025-01-02", "999");

        List<DashboardViews.Month> months = DashboardViews.monthly(facts.list(), FROM, TO);

        assertThat(months)
                .extracting(DashboardViews.Month::month)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(months)
                .extracting(
                        month -> month.contractInvestmentCny().intValueExact(),
                        month -> month.foreignCapitalArrivedUsd().intValueExact(),
                        month -> month.cumulativeContractInvestmentCny().intValueExact(),
                        month -> month.cumulativeForeignCapitalArrivedUsd().intValueExact())
                .containsExactly(
                        tuple(100, 0, 100, 0),
                        tuple(0, 10, 100, 10),
                        tuple(250, 5, 350, 15),
                        tuple(0, 0, 350, 15),
                        tuple(0, 0, 350, 15),
                        tuple(-30, 0, 320, 15),
                        tuple(0, 0, 320, 15),
                        tuple(0, 0, 320, 15),
                        tuple(0, 0, 320, 15),
                        tuple(0, 0, 320, 15),
                        tuple(0, 0, 320, 15),
                        tuple(0, 0, 320, 15));
    }

    @Test
    void the_monthly_series_ends_where_the_year_figures_end() {
        Facts facts = new Facts()
                .signing("old", "2023-06-01", "500")
                .signing("a", "2024-01-15", "100")
                .amendment("old", "2024-03-20", "550")
                .amendment("a", "2024-07-01", "170")
                .foreign("a", "2024-02-01", "10")
                .foreign("a", "2024-08-01", "20");
        LocalDate asOf = date("2024-06-30");

        List<DashboardViews.Month> months = DashboardViews.monthly(facts.list(), FROM, asOf);
        ZoneYearFigures figures = ZoneYearFigures.of(facts.list(), FROM, asOf);

        assertThat(months).hasSize(12);
        assertThat(months.get(11).cumulativeContractInvestmentCny())
                .isEqualByComparingTo(figures.contractInvestmentCny())
                .isEqualByComparingTo("150");
        assertThat(months.get(11).cumulativeForeignCapitalArrivedUsd())
                .isEqualByComparingTo(figures.foreignCapitalArrivedUsd())
                .isEqualByComparingTo("10");
        assertThat(months.get(6).contractInvestmentCny()).isEqualByComparingTo("0");
    }

    // industries

    @Test
    void industries_group_the_signings_of_the_window_largest_amount_first() {
        Facts facts = new Facts()
                .signing("n1", "2024-01-10", "100", null, "NEW_ENERGY")
                .signing("n2", "2024-05-10", "350", null, "NEW_ENERGY")
                .signing("l1", "2024-02-10", "500", null, "LOGISTICS")
                .signing("f1", "2024-03-10", "400", null, "FINE_CHEMICAL")
                .signing("e1", "2024-04-10", "400", null, "ADVANCED_EQUIPMENT")
                .signing("x1", "2023-04-10", "9000", null, "SALT_CHEMICAL")
                .signing("x2", "2025-01-01", "9000", null, "SALT_CHEMICAL");

        assertThat(DashboardViews.industries(facts.list(), FROM, TO))
                .extracting(
                        DashboardViews.IndustryShare::industry,
                        DashboardViews.IndustryShare::projects,
                        share -> share.contractInvestmentCny().intValueExact())
                .containsExactly(
                        tuple("LOGISTICS", 1, 500),
                        tuple("NEW_ENERGY", 2, 450),
                        tuple("ADVANCED_EQUIPMENT", 1, 400),
                        tuple("FINE_CHEMICAL", 1, 400));
    }

    @Test
    void industries_count_amendments_like_the_contract_investment_so_that_the_lines_add_up_to_the_report() {
        Facts facts = new Facts()
                .signing("n1", "2024-01-10", "100", null, "NEW_ENERGY")
                .amendment("n1", "2024-02-10", "900")
                .signing("old", "2023-05-10", "500", null, "LOGISTICS")
                .amendment("old", "2024-03-10", "450")
                .signing("f1", "2024-04-10", "300", null, "FINE_CHEMICAL");

        List<DashboardViews.IndustryShare> shares = DashboardViews.industries(facts.list(), FROM, TO);
        ZoneYearFigures figures = ZoneYearFigures.of(facts.list(), FROM, TO);

        assertThat(shares)
                .extracting(
                        DashboardViews.IndustryShare::industry,
                        DashboardViews.IndustryShare::projects,
                        share -> share.contractInvestmentCny().intValueExact())
                .containsExactly(
                        tuple("NEW_ENERGY", 1, 900), tuple("FINE_CHEMICAL", 1, 300), tuple("LOGISTICS", 0, -50));
        assertThat(shares.stream()
                        .mapToInt(DashboardViews.IndustryShare::projects)
                        .sum())
                .isEqualTo(figures.projectsSigned());
        assertThat(shares.stream()
                        .map(DashboardViews.IndustryShare::contractInvestmentCny)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(figures.contractInvestmentCny());
    }

    // pipeline

    /** a, b and c signed in 2024; a landed after 10 days and started 30 days later, b landed after 21, c ended. */
    private static Facts cohort() {
        return new Facts()
                .signing("old", "2023-06-01", "200")
                .landing("old", "2024-01-15")
                .production("old", "2024-03-01")
                .domestic("old", "2024-02-01", "500")
                .signing("a", "2024-01-10", "100")
                .landing("a", "2024-01-20")
                .production("a", "2024-02-19")
                .domestic("a", "2024-03-01", "150")
                .foreign("a", "2024-03-01", "1000")
                .signing("b", "2024-02-01", "100")
                .landing("b", "2024-02-22")
                .domestic("b", "2024-04-01", "50")
                .signing("c", "2024-03-01", "50")
                .amendment("c", "2024-04-01", "100")
                .termination("c", "2024-05-01");
    }

    @Test
    void the_pipeline_follows_the_projects_signed_in_the_window() {
        DashboardViews.Pipeline pipeline = DashboardViews.pipeline(cohort().list(), FROM, TO, TO);

        assertThat(List.of(pipeline.signed(), pipeline.landed(), pipeline.inProduction(), pipeline.terminated()))
                .containsExactly(3, 2, 1, 1);
    }

    @Test
    void the_pipeline_rates_are_shares_of_the_signed_rounded_half_up_to_four_decimals() {
        DashboardViews.Pipeline pipeline = DashboardViews.pipeline(cohort().list(), FROM, TO, TO);

        assertThat(pipeline.fulfilmentRate()).isEqualTo(new BigDecimal("0.6667"));
        assertThat(pipeline.landingRate()).isEqualTo(new BigDecimal("0.6667"));
        assertThat(pipeline.productionRate()).isEqualTo(new BigDecimal("0.3333"));
    }

    @Test
    void the_capital_arrival_rate_is_domestic_capital_of_the_cohort_over_its_contracted_investment() {
        // (150 + 50) ÷ (100 + 100 + 50 + 50 amended) = 0.66666…; foreign dollars and the old project do not count.
        DashboardViews.Pipeline pipeline = DashboardViews.pipeline(cohort().list(), FROM, TO, TO);

        assertThat(pipeline.capitalArrivalRate()).isEqualTo(new BigDecimal("0.6667"));
        assertThat(pipeline.cohortDomesticCapitalArrivedCny()).isEqualByComparingTo("200");
        assertThat(pipeline.cohortContractInvestmentCny()).isEqualByComparingTo("300");
    }

    @Test
    void the_median_days_are_over_the_cohort_rounded_down_for_an_even_count() {
        // signed → landed: 10 and 21 days → 15; landed → production: 30 days.
        DashboardViews.Pipeline pipeline = DashboardViews.pipeline(cohort().list(), FROM, TO, TO);

        assertThat(pipeline.medianDaysSignedToLanded()).isEqualTo(15L);
        assertThat(pipeline.medianDaysLandedToProduction()).isEqualTo(30L);
    }

    @Test
    void the_median_days_of_an_odd_count_are_the_middle_value() {
        Facts facts = new Facts()
                .signing("a", "2024-01-01", "100")
                .landing("a", "2024-01-06")
                .signing("b", "2024-01-01", "100")
                .landing("b", "2024-02-10")
                .signing("c", "2024-01-01", "100")
                .landing("c", "2024-01-13");

        assertThat(DashboardViews.pipeline(facts.list(), FROM, TO, TO).medianDaysSignedToLanded())
                .isEqualTo(12L);
    }

    @Test
    void a_pipeline_without_signings_has_no_rates_and_no_medians() {
        Facts facts = new Facts().signing("old", "2023-06-01", "200").landing("old", "2024-01-15");

        DashboardViews.Pipeline pipeline = DashboardViews.pipeline(facts.list(), FROM, TO, TO);

        assertThat(pipeline)
                .isEqualTo(new DashboardViews.Pipeline(
                        0, 0, 0, 0, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null));
    }

    @Test
    void the_median_of_whole_days() {
        assertThat(DashboardViews.median(List.of())).isNull();
        assertThat(DashboardViews.median(List.of(7L))).isEqualTo(7L);
        assertThat(DashboardViews.median(List.of(2L, 1L))).isEqualTo(1L);
        assertThat(DashboardViews.median(List.of(40L, 10L, 31L, 20L))).isEqualTo(25L);
        assertThat(DashboardViews.median(List.of(3L, 1L, 2L))).isEqualTo(2L);
    }

    // top500

    @Test
    void the_top500_list_is_the_signings_of_the_window_with_a_class_by_signing_date() {
        Facts facts = new Facts()
                .signing("z", "2024-05-01", "300", "CHINA", "LOGISTICS")
                .signing("y", "2024-02-01", "200", "GLOBAL", "NEW_ENERGY")
                .signing("x", "2024-05-01", "100", "CHINA_PRIVATE", "FINE_CHEMICAL")
                .signing("w", "2024-03-01", "900", null, "NEW_ENERGY")
                .signing("v", "2023-03-01", "900", "GLOBAL", "NEW_ENERGY");

        assertThat(DashboardViews.top500(facts.list(), FROM, TO))
                .extracting(
                        DashboardViews.Top500Investor::projectId,
                        DashboardViews.Top500Investor::top500,
                        DashboardViews.Top500Investor::signedOn)
                .containsExactly(
                        tuple("y", "GLOBAL", date("2024-02-01")),
                        tuple("x", "CHINA_PRIVATE", date("2024-05-01")),
                        tuple("z", "CHINA", date("2024-05-01")));
    }

    @Test
    void a_top500_line_carries_the_signing_facts() {
        Facts facts = new Facts().signing("y", "2024-02-01", "200", "GLOBAL", "NEW_ENERGY");

        assertThat(DashboardViews.top500(facts.list(), FROM, TO))
                .containsExactly(new DashboardViews.Top500Investor(
                        "y", "项目 y", "投资方 y", "GLOBAL", "NEW_ENERGY", date("2024-02-01"), new BigDecimal("200")));
    }
}
