package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.report.Facts.amount;
import static cn.zhaoshang.tracker.report.Facts.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneYearFiguresTest {

    private static ZoneYearFigures year2024(Facts facts) {
        return ZoneYearFigures.of(facts.list(), date("2024-01-01"), date("2024-12-31"));
    }

    private static ZoneYearFigures year2023(Facts facts) {
        return ZoneYearFigures.of(facts.list(), date("2023-01-01"), date("2023-12-31"));
    }

    @Test
    void projects_signed_in_the_window_are_counted_terminated_ones_included() {
        Facts facts = new Facts()
                .signing("p1", "2024-01-01", "100")
                .signing("p2", "2024-12-31", "100")
                .termination("p2", "2024-12-31")
                .signing("p3", "2023-12-31", "100")
                .signing("p4", "2025-01-01", "100");

        assertThat(year2024(facts).projectsSigned()).isEqualTo(2);
    }

    @Test
    void top500_projects_are_the_signings_of_the_window_whose_investor_has_a_class() {
        Facts facts = new Facts()
                .signing("p1", "2024-03-01", "100", "GLOBAL", "NEW_ENERGY")
                .signing("p2", "2024-04-01", "100", null, "NEW_ENERGY")
                .signing("p3", "2024-05-01", "100", "CHINA_PRIVATE", "LOGISTICS")
                .signing("p4", "2023-05-01", "100", "CHINA", "LOGISTICS");

        assertThat(year2024(facts).top500Projects()).isEqualTo(2);
    }

    @Test
    void contract_investment_is_the_signed_amounts_of_the_projects_signed_in_the_window() {
        Facts facts = new Facts()
                .signing("p1", "2024-03-01", "1500000000")
                .signing("p2", "2024-11-30", "250000000.50")
                .signing("p3", "2023-03-01", "900000000");

        assertThat(year2024(facts).contractInvestmentCny()).isEqualByComparingTo("1750000000.50");
    }

    @Test
    void an_amendment_counts_its_increment_in_its_own_year_whatever_year_the_project_was_signed() {
        Facts facts = new Facts()
                .signing("old", "2022-06-01", "100000000")
                .amendment("old", "2023-04-01", "160000000")
                .signing("new", "2023-02-01", "50000000");

        assertThat(year2023(facts).contractInvestmentCny()).isEqualByComparingTo("110000000");
        assertThat(ZoneYearFigures.of(facts.list(), date("2022-01-01"), date("2022-12-31"))
                        .contractInvestmentCny())
                .isEqualByComparingTo("100000000");
    }

    @Test
    void an_amendment_dated_in_a_later_year_counts_in_that_year_and_not_in_the_year_of_the_signing() {
        Facts facts = new Facts().signing("p", "2023-05-01", "100000000").amendment("p", "2024-02-01", "130000000");

        assertThat(year2023(facts).contractInvestmentCny()).isEqualByComparingTo("100000000");
        assertThat(year2024(facts).contractInvestmentCny()).isEqualByComparingTo("30000000");
    }

    @Test
    void a_decrease_subtracts_what_it_takes_away() {
        Facts facts = new Facts()
                .signing("p", "2023-05-01", "200000000")
                .signing("q", "2024-01-10", "80000000")
                .amendment("p", "2024-03-01", "150000000");

        assertThat(year2024(facts).contractInvestmentCny()).isEqualByComparingTo("30000000");
    }

    @Test
    void a_second_amendment_is_measured_from_the_total_of_the_first() {
        Facts facts = new Facts()
                .signing("p", "2022-05-01", "100")
                .amendment("p", "2023-03-01", "150")
                .amendment("p", "2023-10-01", "120")
                .amendment("p", "2024-01-15", "200");

        assertThat(year2023(facts).contractInvestmentCny()).isEqualByComparingTo("20");
        assertThat(year2024(facts).contractInvestmentCny()).isEqualByComparingTo("80");
        assertThat(ZoneYearFigures.amendments(facts.list()))
                .extracting(ZoneYearFigures.Amendment::change)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(amount("50"), amount("-30"), amount("80"));
    }

    @Test
    void amendments_chain_in_the_order_they_were_recorded() {
        // A backdated amendment recorded after a later-dated one changes the total the later one had set.
        Facts facts = new Facts()
                .signing("p", "2022-05-01", "100")
                .amendment("p", "2024-06-01", "150")
                .amendment("p", "2023-03-01", "120");

        assertThat(ZoneYearFigures.amendments(facts.list()))
                .extracting(ZoneYearFigures.Amendment::date, ZoneYearFigures.Amendment::change)
                .containsExactly(tuple(date("2024-06-01"), amount("50")), tuple(date("2023-03-01"), amount("-30")));
    }

    @Test
    void the_first_amendment_is_measured_from_the_signed_amount_as_believed() {
        // The signing row as corrected (1.4e9) is the one believed; the amendment to 1.8e9 is then +0.4e9.
        Facts facts = new Facts().signing("p", "2023-03-01", "1400000000").amendment("p", "2023-09-01", "1800000000");

        assertThat(year2023(facts).contractInvestmentCny()).isEqualByComparingTo("1800000000");
        assertThat(ZoneYearFigures.amendments(facts.list()).get(0).change()).isEqualByComparingTo("400000000");
    }

    @Test
    void an_amendment_of_a_project_without_a_believed_signing_counts_nothing() {
        Facts facts = new Facts().signing("p", "2024-03-01", "100").amendment("elsewhere", "2024-04-01", "500");

        assertThat(year2024(facts).contractInvestmentCny()).isEqualByComparingTo("100");
        assertThat(ZoneYearFigures.amendments(facts.list())).isEmpty();
    }

    @Test
    void arrivals_are_summed_by_kind_for_all_projects_whatever_year_they_were_signed() {
        Facts facts = new Facts()
                .signing("old", "2021-05-01", "100")
                .signing("new", "2024-02-01", "100")
                .foreign("old", "2024-03-01", "3000000")
                .foreign("new", "2024-12-31", "2000000.25")
                .domestic("old", "2024-01-01", "50000000")
                .domestic("new", "2024-06-01", "7000000")
                .foreign("old", "2023-12-31", "999")
                .domestic("old", "2025-01-01", "999");

        ZoneYearFigures figures = year2024(facts);

        assertThat(figures.foreignCapitalArrivedUsd()).isEqualByComparingTo("5000000.25");
        assertThat(figures.domesticCapitalArrivedCny()).isEqualByComparingTo("57000000");
    }

    @Test
    void the_window_ends_at_as_of() {
        Facts facts = new Facts()
                .signing("p", "2024-03-01", "100")
                .signing("q", "2024-07-01", "200")
                .amendment("p", "2024-08-01", "150")
                .foreign("p", "2024-06-30", "10")
                .foreign("p", "2024-07-01", "20")
                .landing("p", "2024-07-01");

        ZoneYearFigures figures = ZoneYearFigures.of(facts.list(), date("2024-01-01"), date("2024-06-30"));

        assertThat(figures.projectsSigned()).isEqualTo(1);
        assertThat(figures.contractInvestmentCny()).isEqualByComparingTo("100");
        assertThat(figures.foreignCapitalArrivedUsd()).isEqualByComparingTo("10");
        assertThat(figures.projectsLanded()).isZero();
    }

    @Test
    void landings_production_starts_and_terminations_are_counted_by_their_dates() {
        Facts facts = new Facts()
                .signing("a", "2023-02-01", "100")
                .landing("a", "2023-06-01")
                .production("a", "2024-02-01")
                .signing("b", "2024-01-05", "100")
                .landing("b", "2024-03-01")
                .signing("c", "2024-02-05", "100")
                .landing("c", "2024-04-01")
                .termination("c", "2024-05-01");

        ZoneYearFigures in2024 = year2024(facts);
        ZoneYearFigures in2023 = year2023(facts);

        assertThat(List.of(in2024.projectsLanded(), in2024.projectsInProduction(), in2024.projectsTerminated()))
                .containsExactly(2, 1, 1);
        assertThat(List.of(in2023.projectsLanded(), in2023.projectsInProduction(), in2023.projectsTerminated()))
                .containsExactly(1, 0, 0);
    }

    @Test
    void a_year_without_facts_has_zero_figures() {
        ZoneYearFigures figures = year2024(new Facts().signing("p", "2023-01-01", "100"));

        assertThat(figures)
                .isEqualTo(new ZoneYearFigures(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0));
    }
}
