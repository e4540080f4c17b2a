package io.github.imageassert.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
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
 * The shape of the library: every package is its own slice and no two slices depend on each other in a cycle;
 * what users see (everything outside {@code ..internal..}) never names an internal type in a signature they can
 * call or extend.
 */
@AnalyzeClasses(packages = "io.github.imageassert", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String INTERNAL = ".internal";

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
    static final ArchRule publicCodeNamesNoInternalType = codeUnits()
            .that().areDeclaredInClassesThat(api())
            .and().arePublic().or().areProtected()
            .should(nameNoInternalTypeInTheirSignature());

    @ArchTest
    static final ArchRule publicFieldsNameNoInternalType = fields()
            .that().areDeclaredInClassesThat(api())
            .and().arePublic()
            .should(new ArchCondition<>("have no internal type") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    report(field.getFullName(), involved(field.getType()), events);
                }
            });

    @ArchTest
    static final ArchRule apiTypesExtendNoInternalType = classes()
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
        return c.getPackageName().contains(INTERNAL);
    }

    private static ArchCondition<JavaCodeUnit> nameNoInternalTypeInTheirSignature() {
        return new ArchCondition<>("name no internal type in parameters, return type or exceptions") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream<JavaClass> types = Stream.concat(involved(unit.getReturnType()),
                        unit.getParameters().stream().map(JavaParameter::getType).flatMap(ArchitectureTest::involved));
                report(unit.getFullName(), Stream.concat(types, unit.getExceptionTypes().stream()), events);
            }
        };
    }

    private static Stream<JavaClass> involved(JavaType type) {
        return type.getAllInvolvedRawTypes().stream();
    }

    private static void report(String where, Stream<JavaClass> types, ConditionEvents events) {
        types.filter(ArchitectureTest::isInternal).distinct().forEach(t -> events.add(SimpleConditionEvent.violated(where,
                where + " names the internal type " + t.getName())));
    }
}
