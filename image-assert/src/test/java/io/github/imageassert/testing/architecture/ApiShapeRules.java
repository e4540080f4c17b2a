package io.github.imageassert.testing.architecture;

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
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules every module of the project keeps (each module's {@code ArchitectureTest} adds its own): packages form no
 * cycle, and what users see (a public type outside {@code ..internal..}) never names an internal type in a signature
 * they can call, a field they can read or a type they can extend.
 */
public final class ApiShapeRules {

    private ApiShapeRules() {
    }

    /** One slice per package, free of cycles; a module may ignore a dependency it must have (an annotation's extension). */
    public static SliceRule packagesFormNoCycle() {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName());
            }

            @Override
            public String getDescription() {
                return "one slice per package";
            }
        }).should().beFreeOfCycles();
    }

    public static ArchRule publicCodeNamesNoInternalType() {
        return codeUnits()
                .that().areDeclaredInClassesThat(api())
                .and(DescribedPredicate.describe("are public or protected", (JavaCodeUnit unit) ->
                        unit.getModifiers().contains(JavaModifier.PUBLIC) || unit.getModifiers().contains(JavaModifier.PROTECTED)))
                .should(new ArchCondition<>("name no internal type in parameters, return type or exceptions") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        Stream<JavaClass> types = Stream.concat(involved(unit.getReturnType()),
                                unit.getParameters().stream().map(JavaParameter::getType).flatMap(ApiShapeRules::involved));
                        report(unit.getFullName(), Stream.concat(types, unit.getExceptionTypes().stream()), events);
                    }
                });
    }

    public static ArchRule publicFieldsNameNoInternalType() {
        return fields()
                .that().areDeclaredInClassesThat(api())
                .and().arePublic()
                .should(new ArchCondition<>("have no internal type") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        report(field.getFullName(), involved(field.getType()), events);
                    }
                })
                .allowEmptyShould(true);
    }

    public static ArchRule publicTypesExtendNoInternalType() {
        return classes()
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
    }

    public static boolean isInternal(JavaClass c) {
        return c.getPackageName().contains(".internal");
    }

    private static DescribedPredicate<JavaClass> api() {
        return DescribedPredicate.describe("are public and outside internal packages",
                c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !isInternal(c));
    }

    private static Stream<JavaClass> involved(JavaType type) {
        return type.getAllInvolvedRawTypes().stream();
    }

    private static void report(String where, Stream<JavaClass> types, ConditionEvents events) {
        types.filter(ApiShapeRules::isInternal).distinct().forEach(t -> events.add(SimpleConditionEvent.violated(where,
                where + " names the internal type " + t.getName())));
    }
}
