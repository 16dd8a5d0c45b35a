package cn.zhaoshang.tracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slices meet only through each other's {@code api} package; the platform and the other infrastructure packages (the
 * web edge, sign-in, the pages' helpers, operations) know no slice.
 */
class ArchitectureTest {

    private static final String BASE = "cn.zhaoshang.tracker";
    private static final String[] SLICES = {
        "zone",
        "project",
        "projectlist",
        "audit",
        "report",
        "demo",
        "warning",
        "ledger",
        "access",
        "submission",
        "accesslog"
    };
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void a_slice_uses_other_slices_only_through_their_api() {
        for (String slice : SLICES) {
            for (String other : SLICES) {
                if (slice.equals(other)) {
                    continue;
                }
                noClasses()
                        .that()
                        .resideInAPackage(BASE + "." + slice + "..")
                        .should()
                        .dependOnClassesThat(resideInSliceOutsideItsApi(other))
                        .check(classes);
            }
        }
    }

    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>
            resideInSliceOutsideItsApi(String slice) {
        String root = BASE + "." + slice;
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "reside in " + root + " outside its api",
                javaClass -> (javaClass.getPackageName().equals(root)
                                || javaClass.getPackageName().startsWith(root + "."))
                        && !javaClass.getPackageName().startsWith(root + ".api"));
    }

    private static final String[] INFRASTRUCTURE = {
        BASE + ".platform..", BASE + ".web..", BASE + ".signin..", BASE + ".pages..", BASE + ".operations.."
    };

    @Test
    void the_infrastructure_knows_no_slice() {
        String[] slices =
                Arrays.stream(SLICES).map(slice -> BASE + "." + slice + "..").toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage(INFRASTRUCTURE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(slices)
                .check(classes);
    }

    @Test
    void the_shared_kernel_and_the_published_languages_depend_on_no_slice_internals_or_infrastructure() {
        String[] infrastructureOrSpring = Stream.concat(
                        Arrays.stream(INFRASTRUCTURE), Stream.of("org.springframework.."))
                .toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage(BASE + ".shared..", BASE + "..api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(infrastructureOrSpring)
                .check(classes);
    }

    @Test
    void slices_are_free_of_cycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * The replay makes its own instance of a read model by calling its constructor with the shadow tables'
     * {@link ReadModelWrites}: a model that took no writes, or had a second constructor, would be rebuilt into the
     * live tables or not at all.
     */
    @Test
    void a_read_model_is_given_its_writes_by_its_only_constructor() {
        classes()
                .that()
                .areAnnotatedWith(ReadModel.class)
                .should(new ArchCondition<JavaClass>("have one constructor, which takes a ReadModelWrites") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        boolean takesWrites = type.getConstructors().size() == 1
                                && type.getConstructors().iterator().next().getRawParameterTypes().stream()
                                        .anyMatch(parameter -> parameter.isEquivalentTo(ReadModelWrites.class));
                        events.add(new SimpleConditionEvent(
                                type,
                                takesWrites,
                                type.getName() + " has "
                                        + type.getConstructors().size()
                                        + " constructor(s); it needs one, taking a ReadModelWrites"));
                    }
                })
                .check(classes);
    }

    @Test
    void xstream_is_nowhere_on_the_classpath() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
