package cn.zhaoshang.tracker.project;

import static cn.zhaoshang.tracker.project.api.CapitalKind.DOMESTIC;
import static cn.zhaoshang.tracker.project.api.CapitalKind.FOREIGN;

import cn.zhaoshang.tracker.project.api.AmendContract;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.CorrectSigning;
import cn.zhaoshang.tracker.project.api.DuplicateSigning;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.RecordCapitalArrival;
import cn.zhaoshang.tracker.project.api.RecordLanding;
import cn.zhaoshang.tracker.project.api.RecordProductionStart;
import cn.zhaoshang.tracker.project.api.RetractArrival;
import cn.zhaoshang.tracker.project.api.SignProject;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.project.api.SigningKey;
import cn.zhaoshang.tracker.project.api.TerminateProject;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.project.api.UnknownArrival;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.StaleVersion;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InvestmentProjectTest {

    private static final String ZONE = "songmu";
    private static final ProjectId PROJECT = ProjectId.of("p-1");
    private static final Investor INVESTOR = new Investor("日本触媒", "JP", Top500.GLOBAL);
    private static final LocalDate SIGNED_ON = LocalDate.of(2023, 3, 15);
    private static final LocalDate LANDED_ON = LocalDate.of(2023, 4, 15);
    private static final LocalDate STARTED_ON = LocalDate.of(2023, 9, 1);
    private static final String SIGNED_AMOUNT = "1500000000";
    private static final ArrivalId FIRST = ArrivalId.of("a-1");
    private static final ArrivalId SECOND = ArrivalId.of("a-2");
    private static final SigningKey KEY = new SigningKey(ZONE, "日本触媒新材料项目", SIGNED_ON);

    private FixtureConfiguration<InvestmentProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InvestmentProject.class);
        KnownZones zones = ZONE::equals;
        fixture.registerInjectableResource(zones);
        fixture.registerInjectableResource(new ArrivalsInEvents(fixture.getEventStore()));
        signings.clear();
        SigningKeys keys = key -> signings.getOrDefault(key, List.of());
        fixture.registerInjectableResource(keys);
    }

    /** The projects the zone has signed, by key, as the signing's lookup table would give them. */
    private final Map<SigningKey, List<ProjectId>> signings = new HashMap<>();

    // signing

    @Test
    void signing_records_every_fact_of_the_contract() {
        fixture.givenNoPriorActivity()
                .when(new SignProject(
                        PROJECT,
                        ZONE,
                        "日本触媒新材料项目",
                        INVESTOR,
                        Industry.NEW_MATERIALS,
                        SIGNED_ON,
                        money(SIGNED_AMOUNT),
                        money("60000000"),
                        money("200.5")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(signed());
    }

    @Test
    void a_project_cannot_be_signed_in_an_unknown_zone() {
        fixture.givenNoPriorActivity()
                .when(new SignProject(
                        PROJECT,
                        "atlantis",
                        "日本触媒新材料项目",
                        INVESTOR,
                        Industry.NEW_MATERIALS,
                        SIGNED_ON,
                        money(SIGNED_AMOUNT),
                        null,
                        null))
                .expectNoEvents()
                .expectException(UnknownZone.class);
    }

    @Test
    void a_project_already_signed_in_the_zone_under_the_name_on_the_date_is_not_signed_again() {
        signings.put(KEY, List.of(ProjectId.of("earlier")));

        fixture.givenNoPriorActivity()
                .when(signing(Set.of()))
                .expectNoEvents()
                .expectException(DuplicateSigning.class)
                .expectException(matches(DuplicateSigning.class, refused -> refused.existing()
                        .equals(List.of(ProjectId.of("earlier")))));
    }

    @Test
    void a_signing_that_names_the_earlier_project_as_another_one_is_recorded() {
        signings.put(KEY, List.of(ProjectId.of("earlier")));

        fixture.givenNoPriorActivity()
                .when(signing(Set.of(ProjectId.of("earlier"))))
                .expectEvents(signed());
    }

    @Test
    void a_signing_must_name_every_earlier_project_under_the_key_as_another_one() {
        signings.put(KEY, List.of(ProjectId.of("earlier"), ProjectId.of("later")));

        fixture.givenNoPriorActivity()
                .when(signing(Set.of(ProjectId.of("later"))))
                .expectNoEvents()
                .expectException(matches(DuplicateSigning.class, refused -> refused.existing()
                        .equals(List.of(ProjectId.of("earlier"), ProjectId.of("later")))));
    }

    @Test
    void the_same_name_signed_on_another_date_or_in_another_zone_is_another_project() {
        signings.put(new SigningKey(ZONE, "日本触媒新材料项目", SIGNED_ON.minusDays(1)), List.of(ProjectId.of("a")));
        signings.put(new SigningKey("hengyang-hi-tech", "日本触媒新材料项目", SIGNED_ON), List.of(ProjectId.of("b")));

        fixture.givenNoPriorActivity().when(signing(Set.of())).expectEvents(signed());
    }

    private static SignProject signing(Set<ProjectId> distinctFrom) {
        return new SignProject(
                PROJECT,
                ZONE,
                "日本触媒新材料项目",
                INVESTOR,
                Industry.NEW_MATERIALS,
                SIGNED_ON,
                money(SIGNED_AMOUNT),
                money("60000000"),
                money("200.5"),
                distinctFrom);
    }

    private static <T extends Throwable> Matcher<T> matches(Class<T> type, Predicate<T> holds) {
        return new TypeSafeMatcher<>(type) {
            @Override
            protected boolean matchesSafely(T item) {
                return holds.test(item);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " as expected");
            }
        };
    }

    // landing

    @Test
    void a_project_can_land_on_the_day_it_was_signed() {
        fixture.given(signed()).when(land(SIGNED_ON)).expectEvents(landed(SIGNED_ON));
    }

    @Test
    void a_project_cannot_land_before_it_was_signed() {
        fixture.given(signed())
                .when(land(SIGNED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_project_cannot_land_twice() {
        fixture.given(signed(), landed())
                .when(land(LANDED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_terminated_project_cannot_land() {
        fixture.given(signed(), terminated(SIGNED_ON.plusDays(1)))
                .when(land(LANDED_ON))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_project_in_production_cannot_land_again() {
        fixture.given(signed(), landed(), inProduction())
                .when(land(STARTED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    // production

    @Test
    void a_landed_project_can_start_production_on_the_day_it_landed() {
        fixture.given(signed(), landed())
                .when(startProduction(LANDED_ON))
                .expectEvents(new ProductionStarted(PROJECT, LANDED_ON));
    }

    @Test
    void production_cannot_start_before_the_project_landed() {
        fixture.given(signed())
                .when(startProduction(LANDED_ON))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void production_cannot_start_twice() {
        fixture.given(signed(), landed(), inProduction())
                .when(startProduction(STARTED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_terminated_project_cannot_start_production() {
        fixture.given(signed(), landed(), terminated(LANDED_ON.plusDays(1)))
                .when(startProduction(STARTED_ON))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void production_cannot_start_before_the_landing_date() {
        fixture.given(signed(), landed())
                .when(startProduction(LANDED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    // capital arrivals

    @Test
    void money_can_arrive_on_the_signing_day_and_the_arrival_id_is_returned() {
        fixture.given(signed())
                .when(arrive(FIRST, SIGNED_ON, FOREIGN, "3000000"))
                .expectEvents(arrived(FIRST, SIGNED_ON, FOREIGN, "3000000"))
                .expectResultMessagePayload(FIRST);
    }

    @Test
    void the_same_arrival_cannot_be_recorded_twice() {
        fixture.given(signed(), arrived(FIRST, SIGNED_ON, FOREIGN, "3000000"))
                .when(arrive(FIRST, SIGNED_ON, FOREIGN, "3000000"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void the_id_of_a_retracted_arrival_cannot_be_recorded_again() {
        fixture.given(
                        signed(),
                        arrived(FIRST, SIGNED_ON, FOREIGN, "3000000"),
                        new ArrivalRetracted(PROJECT, FIRST, SIGNED_ON, FOREIGN, money("3000000"), "录入错误"))
                .when(arrive(FIRST, SIGNED_ON, FOREIGN, "3000000"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_retraction_finds_its_arrival_among_the_events_of_the_project() {
        fixture.given(
                        signed(),
                        arrived(FIRST, LANDED_ON, FOREIGN, "3000000"),
                        arrived(SECOND, LANDED_ON.plusDays(1), DOMESTIC, "1"),
                        new ArrivalRetracted(PROJECT, SECOND, LANDED_ON.plusDays(1), DOMESTIC, money("1"), "录入错误"),
                        arrived(ArrivalId.of("a-3"), LANDED_ON.plusDays(2), DOMESTIC, "2"))
                .when(retract(FIRST))
                .expectEvents(new ArrivalRetracted(PROJECT, FIRST, LANDED_ON, FOREIGN, money("3000000"), "录入错误"));
    }

    @Test
    void money_cannot_arrive_before_the_signing_day() {
        fixture.given(signed())
                .when(arrive(FIRST, SIGNED_ON.minusDays(1), FOREIGN, "3000000"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void money_cannot_arrive_for_a_terminated_project() {
        fixture.given(signed(), terminated(SIGNED_ON.plusDays(1)))
                .when(arrive(FIRST, LANDED_ON, FOREIGN, "3000000"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void money_still_arrives_for_a_project_in_production() {
        fixture.given(signed(), landed(), inProduction())
                .when(arrive(FIRST, STARTED_ON, DOMESTIC, "25000000.50"))
                .expectEvents(arrived(FIRST, STARTED_ON, DOMESTIC, "25000000.50"))
                .expectResultMessagePayload(FIRST);
    }

    // retractions

    @Test
    void an_unknown_arrival_cannot_be_retracted() {
        fixture.given(signed(), arrived(FIRST, LANDED_ON, FOREIGN, "3000000"))
                .when(retract(SECOND))
                .expectNoEvents()
                .expectException(UnknownArrival.class);
    }

    @Test
    void a_retraction_repeats_the_date_kind_and_amount_of_the_arrival() {
        fixture.given(
                        signed(),
                        arrived(FIRST, LANDED_ON, FOREIGN, "3000000"),
                        arrived(SECOND, LANDED_ON.plusDays(3), DOMESTIC, "8000000.25"))
                .when(retract(SECOND))
                .expectEvents(new ArrivalRetracted(
                        PROJECT, SECOND, LANDED_ON.plusDays(3), DOMESTIC, money("8000000.25"), "录入错误"));
    }

    @Test
    void an_arrival_cannot_be_retracted_twice() {
        fixture.given(
                        signed(),
                        arrived(FIRST, LANDED_ON, FOREIGN, "3000000"),
                        new ArrivalRetracted(PROJECT, FIRST, LANDED_ON, FOREIGN, money("3000000"), "录入错误"))
                .when(retract(FIRST))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    // amendments

    @Test
    void an_amendment_on_the_signing_day_records_the_previous_amount() {
        fixture.given(signed())
                .when(amend(SIGNED_ON, "1800000000"))
                .expectEvents(amended(SIGNED_ON, "1800000000", SIGNED_AMOUNT));
    }

    @Test
    void a_contract_cannot_be_amended_before_it_was_signed() {
        fixture.given(signed())
                .when(amend(SIGNED_ON.minusDays(1), "1800000000"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void the_contract_of_a_terminated_project_cannot_be_amended() {
        fixture.given(signed(), terminated(LANDED_ON))
                .when(amend(LANDED_ON, "1800000000"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void an_amendment_to_the_same_amount_is_not_a_change() {
        fixture.given(signed())
                .when(amend(LANDED_ON, SIGNED_AMOUNT + ".00"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void an_amendment_to_the_amount_of_the_previous_amendment_is_not_a_change() {
        fixture.given(signed(), amended(LANDED_ON, "1800000000", SIGNED_AMOUNT))
                .when(amend(STARTED_ON, "1800000000.0"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_second_amendment_starts_from_the_amount_of_the_first() {
        fixture.given(signed(), amended(LANDED_ON, "1800000000", SIGNED_AMOUNT))
                .when(amend(STARTED_ON, "1200000000"))
                .expectEvents(amended(STARTED_ON, "1200000000", "1800000000"));
    }

    // signing corrections

    @Test
    void a_correction_that_repeats_the_signing_changes_nothing() {
        fixture.given(signed())
                .when(new CorrectSigning(
                        PROJECT,
                        SIGNED_ON,
                        money(SIGNED_AMOUNT + ".00"),
                        Optional.of(Top500.GLOBAL),
                        Industry.NEW_MATERIALS,
                        "复核",
                        null))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_correction_without_any_fact_changes_nothing() {
        fixture.given(signed())
                .when(new CorrectSigning(PROJECT, null, null, null, null, "复核", null))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_correction_records_the_complete_new_and_previous_signing_facts() {
        fixture.given(signed())
                .when(correctIndustry(Industry.FINE_CHEMICAL))
                .expectEvents(new SigningCorrected(
                        PROJECT,
                        SIGNED_ON,
                        money(SIGNED_AMOUNT),
                        Top500.GLOBAL,
                        Industry.FINE_CHEMICAL,
                        SIGNED_ON,
                        money(SIGNED_AMOUNT),
                        Top500.GLOBAL,
                        Industry.NEW_MATERIALS,
                        "录入错误"));
    }

    @Test
    void a_correction_to_no_top500_class_records_none() {
        fixture.given(signed())
                .when(new CorrectSigning(PROJECT, null, null, Optional.empty(), null, "录入错误", null))
                .expectEvents(new SigningCorrected(
                        PROJECT,
                        SIGNED_ON,
                        money(SIGNED_AMOUNT),
                        null,
                        Industry.NEW_MATERIALS,
                        SIGNED_ON,
                        money(SIGNED_AMOUNT),
                        Top500.GLOBAL,
                        Industry.NEW_MATERIALS,
                        "录入错误"));
    }

    @Test
    void a_correction_builds_on_the_previous_correction() {
        fixture.given(signed(), corrected(LocalDate.of(2023, 3, 10), "1400000000", Top500.CHINA))
                .when(correctIndustry(Industry.LOGISTICS))
                .expectEvents(new SigningCorrected(
                        PROJECT,
                        LocalDate.of(2023, 3, 10),
                        money("1400000000"),
                        Top500.CHINA,
                        Industry.LOGISTICS,
                        LocalDate.of(2023, 3, 10),
                        money("1400000000"),
                        Top500.CHINA,
                        Industry.NEW_MATERIALS,
                        "录入错误"));
    }

    @Test
    void the_rules_use_the_corrected_signing_date() {
        fixture.given(signed(), corrected(SIGNED_ON.plusDays(10), SIGNED_AMOUNT, Top500.GLOBAL))
                .when(land(SIGNED_ON.plusDays(9)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void the_signing_date_cannot_be_corrected_past_the_landing() {
        fixture.given(signed(), landed())
                .when(correctSignedOn(LANDED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void the_signing_date_can_be_corrected_to_the_landing_day() {
        fixture.given(signed(), landed())
                .when(correctSignedOn(LANDED_ON))
                .expectEvents(correctedSignedOn(SIGNED_ON, LANDED_ON));
    }

    @Test
    void the_signing_date_cannot_be_corrected_past_an_arrival() {
        fixture.given(signed(), arrived(FIRST, LANDED_ON, FOREIGN, "3000000"))
                .when(correctSignedOn(LANDED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void the_signing_date_can_be_corrected_to_the_day_of_an_arrival() {
        fixture.given(signed(), arrived(FIRST, LANDED_ON, FOREIGN, "3000000"))
                .when(correctSignedOn(LANDED_ON))
                .expectEvents(correctedSignedOn(SIGNED_ON, LANDED_ON));
    }

    @Test
    void a_retracted_arrival_does_not_bound_the_corrected_signing_date() {
        ArrivalRetracted retracted = new ArrivalRetracted(PROJECT, FIRST, LANDED_ON, FOREIGN, money("3000000"), "录入错误");
        fixture.given(signed(), arrived(FIRST, LANDED_ON, FOREIGN, "3000000"), retracted)
                .when(correctSignedOn(LANDED_ON.plusDays(1)))
                .expectEvents(correctedSignedOn(SIGNED_ON, LANDED_ON.plusDays(1)));
    }

    @Test
    void the_signing_date_cannot_be_corrected_past_an_amendment() {
        fixture.given(signed(), amended(LANDED_ON, "1800000000", SIGNED_AMOUNT))
                .when(correctSignedOn(LANDED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void the_signing_date_can_be_corrected_to_the_day_of_an_amendment() {
        fixture.given(signed(), amended(LANDED_ON, "1800000000", SIGNED_AMOUNT))
                .when(correctSignedOn(LANDED_ON))
                .expectEvents(correctedSignedOn(SIGNED_ON, LANDED_ON));
    }

    @Test
    void the_signing_date_cannot_be_corrected_past_the_termination() {
        fixture.given(signed(), terminated(LANDED_ON))
                .when(correctSignedOn(LANDED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void the_signing_date_can_be_corrected_to_the_termination_day() {
        fixture.given(signed(), terminated(LANDED_ON))
                .when(correctSignedOn(LANDED_ON))
                .expectEvents(correctedSignedOn(SIGNED_ON, LANDED_ON));
    }

    @Test
    void the_earliest_later_fact_bounds_the_corrected_signing_date() {
        LocalDate arrivedOn = SIGNED_ON.plusDays(5);
        fixture.given(signed(), arrived(FIRST, arrivedOn, FOREIGN, "3000000"), landed())
                .when(correctSignedOn(arrivedOn.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_corrected_signing_amount_becomes_the_contract_amount_while_there_is_no_amendment() {
        fixture.given(signed(), corrected(SIGNED_ON, "1400000000", Top500.GLOBAL))
                .when(amend(LANDED_ON, "1800000000"))
                .expectEvents(amended(LANDED_ON, "1800000000", "1400000000"));
    }

    @Test
    void a_corrected_signing_amount_does_not_undo_an_amendment() {
        fixture.given(
                        signed(),
                        amended(LANDED_ON, "1800000000", SIGNED_AMOUNT),
                        new SigningCorrected(
                                PROJECT,
                                SIGNED_ON,
                                money("1400000000"),
                                Top500.GLOBAL,
                                Industry.NEW_MATERIALS,
                                SIGNED_ON,
                                money(SIGNED_AMOUNT),
                                Top500.GLOBAL,
                                Industry.NEW_MATERIALS,
                                "录入错误"))
                .when(amend(STARTED_ON, "2000000000"))
                .expectEvents(amended(STARTED_ON, "2000000000", "1800000000"));
    }

    // termination

    @Test
    void a_signed_project_can_be_terminated_on_its_signing_day() {
        fixture.given(signed()).when(terminate(SIGNED_ON)).expectEvents(terminated(SIGNED_ON));
    }

    @Test
    void a_landed_project_can_be_terminated_on_its_landing_day() {
        fixture.given(signed(), landed()).when(terminate(LANDED_ON)).expectEvents(terminated(LANDED_ON));
    }

    @Test
    void a_project_in_production_cannot_be_terminated() {
        fixture.given(signed(), landed(), inProduction())
                .when(terminate(STARTED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_project_cannot_be_terminated_twice() {
        fixture.given(signed(), terminated(LANDED_ON))
                .when(terminate(LANDED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_project_cannot_be_terminated_before_it_was_signed() {
        fixture.given(signed())
                .when(terminate(SIGNED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void a_landed_project_cannot_be_terminated_before_it_landed() {
        fixture.given(signed(), landed())
                .when(terminate(LANDED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    // versions: the version is the sequence number of the last event, 0 right after signing

    /** A command that is valid after {@code history}, sent with a given expected version. */
    record VersionCase(String name, List<Object> history, Function<Long, Object> command) {

        long version() {
            return history.size() - 1;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<VersionCase> commands() {
        List<Object> landedProject = List.of(signed(), landed());
        return Stream.of(
                new VersionCase(
                        "landing",
                        List.of(signed(), arrived(FIRST, SIGNED_ON, FOREIGN, "1")),
                        v -> new RecordLanding(PROJECT, LANDED_ON, v)),
                new VersionCase("production", landedProject, v -> new RecordProductionStart(PROJECT, STARTED_ON, v)),
                new VersionCase(
                        "arrival",
                        landedProject,
                        v -> new RecordCapitalArrival(PROJECT, SECOND, LANDED_ON, FOREIGN, money("1"), v)),
                new VersionCase(
                        "retraction",
                        List.of(signed(), arrived(FIRST, SIGNED_ON, FOREIGN, "1")),
                        v -> new RetractArrival(PROJECT, FIRST, "录入错误", v)),
                new VersionCase(
                        "amendment",
                        landedProject,
                        v -> new AmendContract(PROJECT, LANDED_ON, money("1800000000"), "增资", v)),
                new VersionCase(
                        "correction",
                        landedProject,
                        v -> new CorrectSigning(PROJECT, null, null, null, Industry.OTHER, "录入错误", v)),
                new VersionCase("termination", landedProject, v -> new TerminateProject(PROJECT, LANDED_ON, "撤资", v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void a_command_based_on_an_earlier_version_is_refused(VersionCase command) {
        fixture.given(command.history())
                .when(command.command().apply(command.version() - 1))
                .expectNoEvents()
                .expectException(StaleVersion.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void a_command_based_on_a_version_the_project_never_had_is_refused(VersionCase command) {
        fixture.given(command.history())
                .when(command.command().apply(command.version() + 1))
                .expectNoEvents()
                .expectException(StaleVersion.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void a_command_based_on_the_current_version_is_accepted(VersionCase command) {
        fixture.given(command.history())
                .when(command.command().apply(command.version()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_project_is_at_version_zero_right_after_signing() {
        fixture.given(signed()).when(land(LANDED_ON, 0L)).expectEvents(landed());
    }

    // events

    private static ProjectSigned signed() {
        return new ProjectSigned(
                PROJECT,
                ZONE,
                "日本触媒新材料项目",
                INVESTOR,
                Industry.NEW_MATERIALS,
                SIGNED_ON,
                money(SIGNED_AMOUNT),
                money("60000000"),
                money("200.5"));
    }

    private static ProjectLanded landed() {
        return landed(LANDED_ON);
    }

    private static ProjectLanded landed(LocalDate on) {
        return new ProjectLanded(PROJECT, on);
    }

    private static ProductionStarted inProduction() {
        return new ProductionStarted(PROJECT, STARTED_ON);
    }

    private static CapitalArrived arrived(ArrivalId id, LocalDate on, CapitalKind kind, String amount) {
        return new CapitalArrived(PROJECT, id, on, kind, money(amount));
    }

    private static ContractAmended amended(LocalDate on, String amount, String previousAmount) {
        return new ContractAmended(PROJECT, on, money(amount), money(previousAmount), "增资");
    }

    private static SigningCorrected corrected(LocalDate signedOn, String amount, Top500 top500) {
        return new SigningCorrected(
                PROJECT,
                signedOn,
                money(amount),
                top500,
                Industry.NEW_MATERIALS,
                SIGNED_ON,
                money(SIGNED_AMOUNT),
                Top500.GLOBAL,
                Industry.NEW_MATERIALS,
                "录入错误");
    }

    private static SigningCorrected correctedSignedOn(LocalDate previous, LocalDate signedOn) {
        return new SigningCorrected(
                PROJECT,
                signedOn,
                money(SIGNED_AMOUNT),
                Top500.GLOBAL,
                Industry.NEW_MATERIALS,
                previous,
                money(SIGNED_AMOUNT),
                Top500.GLOBAL,
                Industry.NEW_MATERIALS,
                "录入错误");
    }

    private static ProjectTerminated terminated(LocalDate on) {
        return new ProjectTerminated(PROJECT, on, "撤资");
    }

    // commands

    private static RecordLanding land(LocalDate on) {
        return land(on, null);
    }

    private static RecordLanding land(LocalDate on, Long expectedVersion) {
        return new RecordLanding(PROJECT, on, expectedVersion);
    }

    private static RecordProductionStart startProduction(LocalDate on) {
        return new RecordProductionStart(PROJECT, on, null);
    }

    private static RecordCapitalArrival arrive(ArrivalId id, LocalDate on, CapitalKind kind, String amount) {
        return new RecordCapitalArrival(PROJECT, id, on, kind, money(amount), null);
    }

    private static RetractArrival retract(ArrivalId id) {
        return new RetractArrival(PROJECT, id, "录入错误", null);
    }

    private static AmendContract amend(LocalDate on, String amount) {
        return new AmendContract(PROJECT, on, money(amount), "增资", null);
    }

    private static CorrectSigning correctSignedOn(LocalDate signedOn) {
        return new CorrectSigning(PROJECT, signedOn, null, null, null, "录入错误", null);
    }

    private static CorrectSigning correctIndustry(Industry industry) {
        return new CorrectSigning(PROJECT, null, null, null, industry, "录入错误", null);
    }

    private static TerminateProject terminate(LocalDate on) {
        return new TerminateProject(PROJECT, on, "撤资", null);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
