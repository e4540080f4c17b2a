package io.github.imageassert.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The shape of the extension. Users write {@code @BuildImage} and {@code @LoadImage} and may catch
 * {@code ImageBuildException}; everything else lives in {@code io.github.imageassert.junit.internal}.
 * <p>
 * The annotations must name the extension class in {@code @ExtendWith}: that is how JUnit finds it, and it is the
 * one dependency of the public package on the internal one. Apart from it, dependencies run one way only,
 * internal to public, so the packages form no cycle.
 */
@AnalyzeClasses(packages = "io.github.imageassert.junit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "io.github.imageassert.junit";

    @ArchTest
    static final ArchRule thePublicPackageHoldsOnlyWhatUsersWriteOrCatch = classes()
            .that().resideInAPackage(API)
            .should().haveNameMatching("io\\.github\\.imageassert\\.junit\\.(BuildImage|LoadImage|ImageBuildException"
                    + "|BuildsImages|ImageBuilds|BuildSpec|Preset|PresetsSource)(\\$\\d+)?"); // and their anonymous parts

    @ArchTest
    static final ArchRule thePublicPackageReachesInternalOnlyToRegisterTheExtension = classes()
            .that().resideInAPackage(API)
            .should(new ArchCondition<>("depend on internal types only through @ExtendWith") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    type.getDirectDependenciesFromSelf().stream()
                            .map(Dependency::getTargetClass)
                            .filter(ArchitectureTest::isInternal)
                            .filter(target -> !registers(type, target))
                            .distinct()
                            .forEach(target -> events.add(SimpleConditionEvent.violated(type,
                                    type.getName() + " depends on the internal type " + target.getName())));
                }
            });

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
    }).should().beFreeOfCycles()
            .ignoreDependency(DescribedPredicate.describe("an annotation of the API", ArchitectureTest::isRegisteringAnnotation),
                    DescribedPredicate.describe("the extension or arguments provider it registers",
                            c -> c.isAssignableTo(org.junit.jupiter.api.extension.Extension.class)
                                    || c.isAssignableTo(org.junit.jupiter.params.provider.ArgumentsProvider.class)));

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
            })
            .allowEmptyShould(false);

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

    /** The core's internals (the engine client) are used by the extension's internals only. */
    @ArchTest
    static final ArchRule onlyTheInternalPackageUsesTheCoresInternals = noClasses()
            .that().resideOutsideOfPackage(API + ".internal..")
            .should().dependOnClassesThat().resideInAPackage("io.github.imageassert.internal..");

    private static DescribedPredicate<JavaClass> api() {
        return DescribedPredicate.describe("are public and outside internal packages",
                c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !isInternal(c));
    }

    private static boolean isInternal(JavaClass c) {
        return c.getPackageName().contains(".internal");
    }

    private static boolean isRegisteringAnnotation(JavaClass c) {
        return c.isAnnotation() && c.getPackageName().equals(API)
                && (c.isAnnotatedWith(ExtendWith.class) || c.isAnnotatedWith(ArgumentsSource.class));
    }

    /** True when {@code type} is an annotation whose {@code @ExtendWith} or {@code @ArgumentsSource} names {@code target}. */
    private static boolean registers(JavaClass type, JavaClass target) {
        if (!isRegisteringAnnotation(type)) {
            return false;
        }
        Stream<Class<?>> named = Stream.concat(
                type.isAnnotatedWith(ExtendWith.class) ? Arrays.stream(type.reflect().getAnnotation(ExtendWith.class).value()) : Stream.empty(),
                type.isAnnotatedWith(ArgumentsSource.class) ? Stream.of(type.reflect().getAnnotation(ArgumentsSource.class).value()) : Stream.empty());
        return named.anyMatch(registered -> registered.getName().equals(target.getName()));
    }

    private static Stream<JavaClass> involved(JavaType type) {
        return type.getAllInvolvedRawTypes().stream();
    }

    private static void report(String where, Stream<JavaClass> types, ConditionEvents events) {
        types.filter(ArchitectureTest::isInternal).distinct().forEach(t -> events.add(SimpleConditionEvent.violated(where,
                where + " names the internal type " + t.getName())));
    }
}
