package io.github.imageassert.structure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shape of the module. Users call {@code StructureTests}, run {@code StructureTestsCli} and may catch
 * {@code StructureTestConfigException}; everything else lives in {@code io.github.imageassert.structure.internal..}.
 * Dependencies run one way (public to internal, never back), the packages form no cycle, and the core's internals
 * (the engine client, the one-shot containers) are used by this module's internals only.
 */
@AnalyzeClasses(packages = "io.github.imageassert.structure", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "io.github.imageassert.structure";

    @ArchTest
    static final ArchRule thePublicPackageHoldsOnlyWhatUsersCallOrCatch = classes()
            .that().resideInAPackage(API)
            .should().haveNameMatching("io\\.github\\.imageassert\\.structure\\."
                    + "(StructureTests|StructureTestsCli|StructureTestConfigException)");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "one slice per package";
        }
    }).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule internalsNeverReachThePublicPackage = noClasses()
            .that().resideInAPackage(API + ".internal..")
            .should().dependOnClassesThat().resideInAPackage(API);

    @ArchTest
    static final ArchRule onlyTheInternalPackagesUseTheCoresInternals = noClasses()
            .that().resideOutsideOfPackage(API + ".internal..")
            .should().dependOnClassesThat().resideInAPackage("io.github.imageassert.internal..");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesPicocli = noClasses()
            .that().resideOutsideOfPackage(API + ".internal.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule onlyTheTestFactoryUsesJunit = noClasses()
            .that().doNotHaveFullyQualifiedName(API + ".StructureTests")
            .should().dependOnClassesThat().resideInAPackage("org.junit..");

    @ArchTest
    static final ArchRule publicCodeNamesNoInternalType = codeUnits()
            .that().areDeclaredInClassesThat(api())
            .and(DescribedPredicate.describe("are public or protected", (JavaCodeUnit unit) ->
                    unit.getModifiers().contains(JavaModifier.PUBLIC) || unit.getModifiers().contains(JavaModifier.PROTECTED)))
            .should(new ArchCondition<>("name no internal type in parameters, return type or exceptions") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    Stream<JavaClass> types = Stream.concat(involved(unit.getReturnType()),
                            unit.getParameters().stream().map(JavaParameter::getType).flatMap(ArchitectureTest::involved));
                    report(unit.getFullName(), Stream.concat(types, unit.getExceptionTypes().stream()), events);
                }
            });

    @ArchTest
    static final ArchRule publicFieldsNameNoInternalType = fields()
            .that().areDeclaredInClassesThat(api())
            .and().arePublic()
            .should(new ArchCondition<>("have no internal type") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    report(field.getFullName(), involved(field.getType()), events);
                }
            })
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule publicTypesExtendNoInternalType = classes()
            .that(api())
            .should(new ArchCondition<>("extend and implement no internal type") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    List<JavaClass> supers = new ArrayList<>();
                    type.getRawSuperclass().ifPresent(supers::add);
                    supers.addAll(type.getRawInterfaces());
                    report(type.getName(), supers.stream(), events);
                }
            });

    private static DescribedPredicate<JavaClass> api() {
        return DescribedPredicate.describe("are public and outside internal packages",
                c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !isInternal(c));
    }

    private static boolean isInternal(JavaClass c) {
        return c.getPackageName().contains(".internal");
    }

    private static Stream<JavaClass> involved(JavaType type) {
        return type.getAllInvolvedRawTypes().stream();
    }

    private static void report(String where, Stream<JavaClass> types, ConditionEvents events) {
        types.filter(ArchitectureTest::isInternal).distinct().forEach(t -> events.add(SimpleConditionEvent.violated(where,
                where + " names the internal type " + t.getName())));
    }
}
