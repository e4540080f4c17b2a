package io.github.imageassert.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.imageassert.testing.architecture.ApiShapeRules;
import java.util.Arrays;
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
                            .filter(ApiShapeRules::isInternal)
                            .filter(target -> !registers(type, target))
                            .distinct()
                            .forEach(target -> events.add(SimpleConditionEvent.violated(type,
                                    type.getName() + " depends on the internal type " + target.getName())));
                }
            });

    @ArchTest
    static final ArchRule packagesFormNoCycle = ApiShapeRules.packagesFormNoCycle()
            .ignoreDependency(DescribedPredicate.describe("an annotation of the API", ArchitectureTest::isRegisteringAnnotation),
                    DescribedPredicate.describe("the extension or arguments provider it registers",
                            c -> c.isAssignableTo(org.junit.jupiter.api.extension.Extension.class)
                                    || c.isAssignableTo(org.junit.jupiter.params.provider.ArgumentsProvider.class)));

    @ArchTest
    static final ArchRule publicCodeNamesNoInternalType = ApiShapeRules.publicCodeNamesNoInternalType();

    @ArchTest
    static final ArchRule publicFieldsNameNoInternalType = ApiShapeRules.publicFieldsNameNoInternalType();

    @ArchTest
    static final ArchRule publicTypesExtendNoInternalType = ApiShapeRules.publicTypesExtendNoInternalType();

    /** The core's internals (the engine client) are used by the extension's internals only. */
    @ArchTest
    static final ArchRule onlyTheInternalPackageUsesTheCoresInternals = noClasses()
            .that().resideOutsideOfPackage(API + ".internal..")
            .should().dependOnClassesThat().resideInAPackage("io.github.imageassert.internal..");

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
}
