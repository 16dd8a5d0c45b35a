package cn.zhaoshang.tracker.warning;

import static cn.zhaoshang.tracker.warning.api.WarningColour.RED;
import static cn.zhaoshang.tracker.warning.api.WarningColour.YELLOW;
import static cn.zhaoshang.tracker.warning.api.WarningKind.NOT_IN_PRODUCTION;
import static cn.zhaoshang.tracker.warning.api.WarningKind.NOT_LANDED;

import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.shared.BusinessDate;
import cn.zhaoshang.tracker.warning.api.WarningCleared.Recovery;
import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The time rules, driven by the saga fixture's clock: events at a recorded instant, deadlines as they come due. */
class WarningSagaTest {

    private static final String ZONE = "songmu";
    private static final ProjectId PROJECT = ProjectId.of("p-1");
    private static final LocalDate SIGNED_ON = LocalDate.of(2025, 1, 1);
    private static final Instant SIGNING_RECORDED = instant(SIGNED_ON);

    private final Map<String, WarningRules> rules = new HashMap<>();
    private SagaTestFixture<WarningSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(WarningSaga.class);
        fixture.registerResource((RuleBook) zone -> rules.getOrDefault(zone, WarningRules.DEFAULTS));
    }

    @Test
    void a_project_not_landed_180_days_after_its_signing_turns_yellow() throws Exception {
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .whenTimeElapses(Duration.ofDays(180))
                .expectDispatchedCommands(raise(YELLOW, NOT_LANDED, SIGNED_ON, 180, SIGNED_ON.plusDays(180)))
                .expectScheduledDeadlineWithName(Duration.ofDays(185), WarningSaga.CHECK);
    }

    @Test
    void it_stays_quiet_until_the_day_it_is_due() throws Exception {
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .whenTimeElapses(Duration.ofDays(179))
                .expectNoDispatchedCommands();
    }

    @Test
    void after_365_days_without_landing_it_turns_red_and_nothing_more_is_scheduled() throws Exception {
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .andThenTimeElapses(Duration.ofDays(180))
                .whenTimeElapses(Duration.ofDays(185))
                .expectDispatchedCommands(raise(RED, NOT_LANDED, SIGNED_ON, 180, SIGNED_ON.plusDays(365)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void landing_clears_the_warning_on_the_landing_day_and_starts_the_production_clock() throws Exception {
        LocalDate landedOn = SIGNED_ON.plusDays(200);
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .andThenTimeElapses(Duration.ofDays(201))
                .whenPublishingA(new ProjectLanded(PROJECT, landedOn))
                .expectDispatchedCommands(new ClearWarning(PROJECT, Recovery.LANDED, landedOn))
                .expectScheduledDeadlineWithName(
                        Duration.between(instant(SIGNED_ON.plusDays(201)), instant(landedOn.plusDays(540))),
                        WarningSaga.CHECK);
    }

    @Test
    void a_landed_project_not_in_production_after_540_days_turns_yellow_then_red_after_720() throws Exception {
        LocalDate landedOn = SIGNED_ON.plusDays(30);
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .andThenTimeElapses(Duration.ofDays(30))
                .andThenAPublished(new ProjectLanded(PROJECT, landedOn))
                .andThenTimeElapses(Duration.ofDays(540))
                .whenTimeElapses(Duration.ofDays(180))
                .expectDispatchedCommands(raise(RED, NOT_IN_PRODUCTION, landedOn, 540, landedOn.plusDays(720)));
    }

    @Test
    void production_and_termination_clear_the_warning_and_end_the_watch() throws Exception {
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .andThenAPublished(new ProjectLanded(PROJECT, SIGNED_ON))
                .andThenTimeElapses(Duration.ofDays(600))
                .whenPublishingA(new ProductionStarted(PROJECT, SIGNED_ON.plusDays(600)))
                .expectDispatchedCommands(new ClearWarning(PROJECT, Recovery.IN_PRODUCTION, SIGNED_ON.plusDays(600)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        fixture = new SagaTestFixture<>(WarningSaga.class);
        fixture.registerResource((RuleBook) zone -> WarningRules.DEFAULTS);
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .andThenTimeElapses(Duration.ofDays(400))
                .whenPublishingA(new ProjectTerminated(PROJECT, SIGNED_ON.plusDays(400), "投资方撤资"))
                .expectDispatchedCommands(new ClearWarning(PROJECT, Recovery.TERMINATED, SIGNED_ON.plusDays(400)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void the_zone_s_own_rules_apply_and_new_rules_reschedule_the_check() throws Exception {
        rules.put(ZONE, new WarningRules(90, 120, 540, 720));
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .whenTimeElapses(Duration.ofDays(90))
                .expectDispatchedCommands(raise(YELLOW, NOT_LANDED, SIGNED_ON, 90, SIGNED_ON.plusDays(90)));

        setUp();
        rules.put(ZONE, WarningRules.DEFAULTS);
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .andThenTimeElapses(Duration.ofDays(100))
                .whenPublishingA(new WarningRulesSet(ZONE, WarningRules.DEFAULTS))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofDays(80), WarningSaga.CHECK);
    }

    @Test
    void relaxing_the_rules_after_a_warning_clears_it() throws Exception {
        rules.put(ZONE, new WarningRules(90, 120, 540, 720));
        var flaggedYellow = fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .andThenTimeElapses(Duration.ofDays(100));
        rules.put(ZONE, WarningRules.DEFAULTS);
        flaggedYellow
                .whenPublishingA(new WarningRulesSet(ZONE, WarningRules.DEFAULTS))
                .expectDispatchedCommands(new ClearWarning(PROJECT, Recovery.RULES_CHANGED, SIGNED_ON.plusDays(100)));
    }

    @Test
    void a_project_entered_late_shows_the_day_it_turned_yellow_and_the_day_it_turned_red() throws Exception {
        fixture.givenCurrentTime(instant(SIGNED_ON.plusDays(400)))
                .andThenAPublished(signed())
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectDispatchedCommands(
                        raise(YELLOW, NOT_LANDED, SIGNED_ON, 180, SIGNED_ON.plusDays(180)),
                        raise(RED, NOT_LANDED, SIGNED_ON, 180, SIGNED_ON.plusDays(365)));
    }

    @Test
    void a_corrected_signing_date_moves_the_clock() throws Exception {
        LocalDate corrected = SIGNED_ON.plusDays(60);
        fixture.givenCurrentTime(SIGNING_RECORDED)
                .andThenAPublished(signed())
                .andThenTimeElapses(Duration.ofDays(10))
                .andThenAPublished(correctedTo(corrected))
                .whenTimeElapses(Duration.ofDays(175))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofDays(55), WarningSaga.CHECK);
    }

    private static ProjectSigned signed() {
        return new ProjectSigned(
                PROJECT,
                ZONE,
                "日本触媒新材料项目",
                new Investor("日本触媒", "JP", null),
                Industry.NEW_MATERIALS,
                SIGNED_ON,
                new BigDecimal("1500000000"),
                null,
                null);
    }

    private static SigningCorrected correctedTo(LocalDate signedOn) {
        return new SigningCorrected(
                PROJECT,
                signedOn,
                new BigDecimal("1500000000"),
                null,
                Industry.NEW_MATERIALS,
                SIGNED_ON,
                new BigDecimal("1500000000"),
                null,
                Industry.NEW_MATERIALS,
                "合同日期录错 / wrong date");
    }

    private static RaiseWarning raise(
            WarningColour colour, WarningKind kind, LocalDate since, int yellowDays, LocalDate raisedOn) {
        return new RaiseWarning(PROJECT, ZONE, "日本触媒新材料项目", colour, kind, since, since.plusDays(yellowDays), raisedOn);
    }

    private static Instant instant(LocalDate day) {
        return day.atStartOfDay(BusinessDate.CHINA).toInstant();
    }
}
