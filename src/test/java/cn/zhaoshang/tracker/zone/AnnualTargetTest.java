package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.SetAnnualTarget;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnualTargetTest {

    private static final String ZONE = "songmu";
    private static final int YEAR = 2024;

    private FixtureConfiguration<AnnualTarget> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AnnualTarget.class);
        KnownZones zones = ZONE::equals;
        fixture.registerInjectableResource(zones);
    }

    @Test
    void the_first_targets_of_a_year_are_recorded() {
        fixture.givenNoPriorActivity()
                .when(target("10000000000", "7000000", 20))
                .expectSuccessfulHandlerExecution()
                .expectEvents(targetSet("10000000000", "7000000", 20));
    }

    @Test
    void targets_cannot_be_set_for_an_unknown_zone() {
        fixture.givenNoPriorActivity()
                .when(new SetAnnualTarget("atlantis", YEAR, money("10000000000"), null, null))
                .expectNoEvents()
                .expectException(UnknownZone.class);
    }

    @Test
    void revised_targets_are_recorded_with_all_their_figures() {
        fixture.given(targetSet("10000000000", "7000000", 20))
                .when(target("10000000000", "7500000.50", 20))
                .expectEvents(targetSet("10000000000", "7500000.50", 20));
    }

    @Test
    void a_revised_project_count_is_recorded() {
        fixture.given(targetSet("10000000000", "7000000", 20))
                .when(target("10000000000", "7000000", 21))
                .expectEvents(targetSet("10000000000", "7000000", 21));
    }

    @Test
    void setting_the_same_figures_again_records_nothing() {
        fixture.given(targetSet("10000000000", "7000000", null))
                .when(target("10000000000.00", "7000000.00", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_figure_may_be_left_without_a_target() {
        fixture.givenNoPriorActivity().when(target(null, null, 20)).expectEvents(targetSet(null, null, 20));
    }

    @Test
    void removing_a_target_is_a_revision() {
        fixture.given(targetSet("10000000000", "7000000", 20))
                .when(target("10000000000", null, 20))
                .expectEvents(targetSet("10000000000", null, 20));
    }

    @Test
    void setting_a_target_where_there_was_none_is_a_revision() {
        fixture.given(targetSet(null, "7000000", 20))
                .when(target("10000000000", "7000000", 20))
                .expectEvents(targetSet("10000000000", "7000000", 20));
    }

    private static SetAnnualTarget target(String contractInvestmentCny, String foreignCapitalUsd, Integer projects) {
        return new SetAnnualTarget(ZONE, YEAR, money(contractInvestmentCny), money(foreignCapitalUsd), projects);
    }

    private static AnnualTargetSet targetSet(String contractInvestmentCny, String foreignCapitalUsd, Integer projects) {
        return new AnnualTargetSet(ZONE, YEAR, money(contractInvestmentCny), money(foreignCapitalUsd), projects);
    }

    private static BigDecimal money(String amount) {
        return amount == null ? null : new BigDecimal(amount);
    }
}
