package cn.zhaoshang.tracker.warning;

import static cn.zhaoshang.tracker.warning.api.WarningColour.RED;
import static cn.zhaoshang.tracker.warning.api.WarningColour.YELLOW;
import static cn.zhaoshang.tracker.warning.api.WarningKind.NOT_LANDED;

import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningIds;
import cn.zhaoshang.tracker.warning.api.WarningRaised;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ProjectWarningTest {

    private static final ProjectId PROJECT = ProjectId.of("p-1");
    private static final LocalDate SINCE = LocalDate.of(2025, 1, 1);

    private static AggregateTestFixture<ProjectWarning> warnings() {
        return new AggregateTestFixture<>(ProjectWarning.class);
    }

    private static AggregateTestFixture<ZoneWarningRules> rules() {
        AggregateTestFixture<ZoneWarningRules> rules = new AggregateTestFixture<>(ZoneWarningRules.class);
        KnownZones zones = "songmu"::equals;
        rules.registerInjectableResource(zones);
        return rules;
    }

    @Test
    void a_warning_is_raised_once_per_colour() {
        warnings().givenNoPriorActivity().when(raise(YELLOW)).expectEvents(raised(YELLOW));
        warnings().given(raised(YELLOW)).when(raise(YELLOW)).expectNoEvents();
        warnings().given(raised(YELLOW)).when(raise(RED)).expectEvents(raised(RED));
    }

    @Test
    void clearing_records_the_colour_it_ends_and_clearing_nothing_records_nothing() {
        LocalDate landed = SINCE.plusDays(200);
        warnings()
                .given(raised(YELLOW))
                .when(new ClearWarning(PROJECT, WarningCleared.Recovery.LANDED, landed))
                .expectEvents(new WarningCleared(
                        PROJECT, "songmu", YELLOW, NOT_LANDED, WarningCleared.Recovery.LANDED, landed));
        warnings()
                .givenNoPriorActivity()
                .when(new ClearWarning(PROJECT, WarningCleared.Recovery.LANDED, landed))
                .expectNoEvents();
    }

    @Test
    void a_zone_sets_its_rules_red_after_yellow_and_the_same_rules_again_record_nothing() {
        WarningRules strict = new WarningRules(90, 180, 360, 540);
        String id = WarningIds.ofZoneRules("songmu");

        rules().givenNoPriorActivity()
                .when(new SetWarningRules(id, "songmu", strict))
                .expectEvents(new WarningRulesSet("songmu", strict));
        rules().given(new WarningRulesSet("songmu", strict))
                .when(new SetWarningRules(id, "songmu", strict))
                .expectNoEvents();
        rules().givenNoPriorActivity()
                .when(new SetWarningRules(id, "songmu", new WarningRules(90, 90, 360, 540)))
                .expectException(CommandRejected.class);
        rules().givenNoPriorActivity()
                .when(new SetWarningRules(WarningIds.ofZoneRules("nowhere"), "nowhere", strict))
                .expectException(UnknownZone.class);
    }

    private static RaiseWarning raise(WarningColour colour) {
        return new RaiseWarning(PROJECT, "songmu", "项目", colour, NOT_LANDED, SINCE, SINCE.plusDays(180), SINCE);
    }

    private static WarningRaised raised(WarningColour colour) {
        return new WarningRaised(PROJECT, "songmu", "项目", colour, NOT_LANDED, SINCE, SINCE.plusDays(180), SINCE);
    }
}
