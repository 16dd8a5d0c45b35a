package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.StoredEventRow;
import cn.zhaoshang.tracker.access.api.AccessChanged;
import cn.zhaoshang.tracker.access.api.PasswordChanged;
import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.access.api.UserDisabled;
import cn.zhaoshang.tracker.access.api.UserEnabled;
import cn.zhaoshang.tracker.access.api.UserRegistered;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.shared.Scope;
import cn.zhaoshang.tracker.submission.api.MonthSubmitted;
import cn.zhaoshang.tracker.submission.api.SubmissionAccepted;
import cn.zhaoshang.tracker.submission.api.SubmissionReturned;
import cn.zhaoshang.tracker.submission.api.SubmissionSuperseded;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningCleared;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningKind;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningRaised;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import cn.zhaoshang.tracker.warning.api.WarningRaised;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import cn.zhaoshang.tracker.zone.ZoneRegisteredUpcaster;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event revision the application ever stored must stay readable. Each file under {@code events/} holds a
 * payload exactly as the production serializer stores it, named {@code <SimpleName>.v<revision>.json}; a released
 * fixture is never edited, a new revision gets a new file. A fixture of an earlier revision is read as the
 * application reads the stored event: through the upcasters, into the event it means today.
 */
class EventFixturesTest {

    private static final String APPLICATION = "cn.zhaoshang.tracker";
    private static final ProjectId PROJECT = ProjectId.of("5f0c6f1e-8a53-4a55-9d4b-2f6c1c9f7a10");
    private static final ArrivalId ARRIVAL = ArrivalId.of("0b7e3c52-1d4f-4f0e-9a61-6f2d8e5c4b3a");

    /** Every upcaster of the application, with the settings out of the box (tracker.default-province: hunan). */
    private static final List<EventUpcaster> UPCASTERS = List.of(new ZoneRegisteredUpcaster("hunan"));

    private final Serializer serializer = new AxonConfig().serializer();

    /** A fixture file and the event it must read back as. */
    record Fixture(String file, Object event) {

        /** The revision the file was stored with, from its name. */
        String revision() {
            return file.substring(file.lastIndexOf(".v") + 2, file.length() - ".json".length());
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Fixture> fixtures() {
        return Stream.of(
                new Fixture(
                        "ProjectSigned.v1.json",
                        new ProjectSigned(
                                PROJECT,
                                "songmu",
                                "日本触媒新材料项目",
                                new Investor("日本触媒", "JP", Top500.GLOBAL),
                                Industry.NEW_MATERIALS,
                                LocalDate.of(2023, 3, 15),
                                money("1500000000"),
                                money("60000000"),
                                money("200.5"))),
                new Fixture("ProjectLanded.v1.json", new ProjectLanded(PROJECT, LocalDate.of(2023, 6, 1))),
                new Fixture("ProductionStarted.v1.json", new ProductionStarted(PROJECT, LocalDate.of(2024, 1, 10))),
                new Fixture(
                        "CapitalArrived.v1.json",
                        new CapitalArrived(
                                PROJECT, ARRIVAL, LocalDate.of(2023, 7, 20), CapitalKind.FOREIGN, money("3000000.50"))),
                new Fixture(
                        "ArrivalRetracted.v1.json",
                        new ArrivalRetracted(
                                PROJECT,
                                ARRIVAL,
                                LocalDate.of(2023, 7, 20),
                                CapitalKind.FOREIGN,
                                money("3000000.50"),
                                "金额录入错误 / wrong amount")),
                new Fixture(
                        "EvidenceAttached.v1.json",
                        new EvidenceAttached(
                                PROJECT,
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                "银行回单-2023-07-20.pdf",
                                "application/pdf",
                                48213,
                                3,
                                "外资到位银行回单 / bank receipt of the arrival")),
                new Fixture(
                        "ContractAmended.v1.json",
                        new ContractAmended(
                                PROJECT,
                                LocalDate.of(2024, 2, 1),
                                money("1800000000.00"),
                                money("1500000000"),
                                "增资3亿元")),
                new Fixture(
                        "SigningCorrected.v1.json",
                        new SigningCorrected(
                                PROJECT,
                                LocalDate.of(2023, 3, 16),
                                money("1450000000"),
                                null,
                                Industry.FINE_CHEMICAL,
                                LocalDate.of(2023, 3, 15),
                                money("1500000000"),
                                Top500.GLOBAL,
                                Industry.NEW_MATERIALS,
                                "合同签约信息录入错误")),
                new Fixture(
                        "ProjectTerminated.v1.json",
                        new ProjectTerminated(PROJECT, LocalDate.of(2024, 5, 20), "投资方撤资")),
                new Fixture("ZoneRegistered.v1.json", new ZoneRegistered("songmu", "衡阳松木经济开发区", "hengyang", "hunan")),
                new Fixture("ZoneRegistered.v2.json", new ZoneRegistered("songmu", "衡阳松木经济开发区", "hengyang", "hunan")),
                new Fixture(
                        "AnnualTargetSet.v1.json",
                        new AnnualTargetSet("songmu", 2024, money("10000000000"), money("7000000.00"), 20)),
                new Fixture(
                        "WarningRulesSet.v1.json", new WarningRulesSet("songmu", new WarningRules(90, 180, 360, 540))),
                new Fixture(
                        "WarningRaised.v1.json",
                        new WarningRaised(
                                PROJECT,
                                "songmu",
                                "日本触媒新材料项目",
                                WarningColour.YELLOW,
                                WarningKind.NOT_LANDED,
                                LocalDate.of(2023, 3, 15),
                                LocalDate.of(2023, 9, 11),
                                LocalDate.of(2023, 9, 11))),
                new Fixture(
                        "WarningCleared.v1.json",
                        new WarningCleared(
                                PROJECT,
                                "songmu",
                                WarningColour.RED,
                                WarningKind.NOT_LANDED,
                                WarningCleared.Recovery.LANDED,
                                LocalDate.of(2024, 4, 1))),
                new Fixture(
                        "UserRegistered.v1.json",
                        new UserRegistered(
                                "bureau", "松木经开区招商局", List.of(Role.BUREAU), new Scope(Scope.Level.ZONE, "songmu"))),
                new Fixture(
                        "AccessChanged.v1.json",
                        new AccessChanged(
                                "bureau",
                                List.of(Role.BUREAU, Role.REVIEWER),
                                new Scope(Scope.Level.CITY, "hengyang"),
                                "调任市商务局")),
                new Fixture("UserDisabled.v1.json", new UserDisabled("bureau", "离职")),
                new Fixture("UserEnabled.v1.json", new UserEnabled("bureau", "返岗")),
                new Fixture("PasswordChanged.v1.json", new PasswordChanged("bureau")),
                new Fixture(
                        "MonthSubmitted.v1.json",
                        new MonthSubmitted(
                                SUBMISSION,
                                "songmu",
                                2023,
                                6,
                                LocalDate.of(2023, 6, 30),
                                180,
                                "9f2c4e1a",
                                figures(),
                                "上半年",
                                null,
                                null)),
                new Fixture("SubmissionAccepted.v1.json", new SubmissionAccepted(SUBMISSION, "songmu", "数据属实")),
                new Fixture("SubmissionReturned.v1.json", new SubmissionReturned(SUBMISSION, "songmu", "外资到位凭证不全")),
                new Fixture(
                        "SubmissionSuperseded.v1.json",
                        new SubmissionSuperseded(SUBMISSION, "songmu", "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f")),
                new Fixture(
                        "SubmissionWarningRaised.v1.json",
                        new SubmissionWarningRaised(
                                "songmu",
                                2024,
                                1,
                                SubmissionWarningKind.MONTH_OVERDUE,
                                null,
                                LocalDate.of(2024, 2, 10),
                                LocalDate.of(2024, 2, 11))),
                new Fixture(
                        "SubmissionWarningCleared.v1.json",
                        new SubmissionWarningCleared(
                                "songmu", 2024, 1, SubmissionWarningKind.MONTH_OVERDUE, LocalDate.of(2024, 2, 13))));
    }

    private static final String SUBMISSION = "3b0f9c1e-7a52-4d2b-9e61-5c1f2a7d8e90";

    /** Frozen figures as they read back from the store: whole numbers as integers, fractions as exact decimals. */
    private static com.fasterxml.jackson.databind.node.ObjectNode figures() {
        com.fasterxml.jackson.databind.node.ObjectNode figures =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        figures.put("zoneId", "songmu");
        figures.put("projectsSigned", 12);
        figures.put("contractInvestmentCny", 6200000000L);
        figures.put("foreignCapitalArrivedUsd", 8000000);
        return figures;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void a_stored_event_reads_back_as_the_event_that_was_recorded(Fixture fixture) throws Exception {
        byte[] stored = Files.readAllBytes(fixtureDirectory().resolve(fixture.file()));
        StoredEventRow row = new StoredEventRow(
                "Aggregate",
                "aggregate-id",
                0,
                "3f1c8a52-6d0e-4c1b-9a77-2b5e8d9f0c41",
                Instant.parse("2024-01-05T08:30:12.345Z"),
                fixture.event().getClass().getName(),
                fixture.revision(),
                stored,
                "{}".getBytes(StandardCharsets.UTF_8));

        Object read = row.read(serializer, new EventUpcasterChain(UPCASTERS));

        assertThat(read).isEqualTo(fixture.event());
    }

    /**
     * The event as recorded today is stored exactly as its fixture of the current revision: a method added to an
     * event (an interface it implements, say) must not add a field to what is stored forever.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void an_event_of_the_current_revision_is_stored_as_its_fixture(Fixture fixture) throws Exception {
        Class<?> eventClass = fixture.event().getClass();
        Assumptions.assumeTrue(fixture.revision()
                .equals(eventClass.getAnnotation(Revision.class).value()));
        byte[] stored = Files.readAllBytes(fixtureDirectory().resolve(fixture.file()));

        byte[] written = serializer.serialize(fixture.event(), byte[].class).getData();

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(written)).isEqualTo(json.readTree(stored));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void a_fixture_is_named_after_its_type_and_a_revision_up_to_the_one_the_serializer_stores(Fixture fixture) {
        Class<?> eventClass = fixture.event().getClass();
        Revision revision = eventClass.getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on %s", eventClass.getName()).isNotNull();

        SerializedType type = serializer.typeForClass(eventClass);

        assertThat(type.getName()).isEqualTo(eventClass.getName());
        assertThat(type.getRevision()).isEqualTo(revision.value());
        assertThat(fixture.file()).isEqualTo(fileName(eventClass.getSimpleName(), fixture.revision()));
        assertThat(Integer.parseInt(fixture.revision())).isBetween(1, Integer.parseInt(revision.value()));
    }

    @Test
    void the_fixtures_are_read_through_every_upcaster_of_the_application() {
        JavaClasses application = application();

        List<String> upcasters = application.stream()
                .filter(javaClass -> javaClass.isAssignableTo(EventUpcaster.class))
                .map(JavaClass::getName)
                .toList();

        assertThat(UPCASTERS.stream().map(upcaster -> upcaster.getClass().getName()))
                .containsExactlyInAnyOrderElementsOf(upcasters);
    }

    @Test
    void every_stored_type_has_a_fixture_of_its_current_revision() {
        JavaClasses application = application();

        List<String> expected = application.stream()
                .filter(javaClass -> javaClass.isAnnotatedWith(Revision.class))
                // an aggregate's revision versions its snapshots (a cache), not a stored event
                .filter(javaClass -> !javaClass.isAnnotatedWith(Aggregate.class))
                .map(EventFixturesTest::fileName)
                .toList();

        assertThat(expected).as("stored types found").isNotEmpty();
        assertThat(fixtures().map(Fixture::file)).containsAll(expected);
    }

    @Test
    void every_fixture_file_is_checked() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(fixtureDirectory())) {
            files = listing.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }

        List<String> checked = fixtures().map(Fixture::file).toList();

        assertThat(files).containsExactlyInAnyOrderElementsOf(checked);
    }

    private static JavaClasses application() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(APPLICATION);
    }

    private static String fileName(JavaClass storedType) {
        Revision revision = storedType.getAnnotationOfType(Revision.class);
        return fileName(storedType.getSimpleName(), revision.value());
    }

    private static String fileName(String simpleName, String revision) {
        return simpleName + ".v" + revision + ".json";
    }

    private static Path fixtureDirectory() {
        URL events = Objects.requireNonNull(EventFixturesTest.class.getResource("/events"), "events/ on the classpath");
        try {
            return Path.of(events.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
