package io.github.imageassert.junit.internal;

import io.github.imageassert.image.EngineUnavailableException;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.junit.ImageBuilds;
import io.github.imageassert.junit.LoadImage;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Which injections of a test class or test method need a container engine ({@code @BuildImage} and
 * {@code @LoadImage(reference)}; an archive needs none), and what becomes of the test when none answers: it runs
 * when it needs none; it is disabled when {@value Settings#DISABLED_WITHOUT_DOCKER} is true; it fails, saying how to
 * start an engine, otherwise.
 */
final class EngineRequirement {

    private final String owner;
    private final List<String> needs;

    private EngineRequirement(String owner, List<String> needs) {
        this.owner = owner;
        this.needs = List.copyOf(needs);
    }

    /** What the class needs for all of its tests: fields, constructor and lifecycle method parameters. */
    static EngineRequirement ofClass(Class<?> testClass) {
        List<String> needs = new ArrayList<>();
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, BuildImage.class, f -> true, HierarchyTraversalMode.TOP_DOWN)) {
            needs.add("@BuildImage field " + field.getName());
        }
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, LoadImage.class, f -> true, HierarchyTraversalMode.TOP_DOWN)) {
            need(field).ifPresent(n -> needs.add(n + " field " + field.getName()));
        }
        for (Constructor<?> constructor : testClass.getDeclaredConstructors()) {
            needs.addAll(ofParameters(constructor, " of the constructor"));
        }
        for (Class<? extends Annotation> lifecycle : List.of(BeforeAll.class, BeforeEach.class, AfterEach.class, AfterAll.class)) {
            for (Method method : AnnotationSupport.findAnnotatedMethods(testClass, lifecycle, HierarchyTraversalMode.TOP_DOWN)) {
                needs.addAll(ofParameters(method, " of " + method.getName()));
            }
        }
        return new EngineRequirement(testClass.getSimpleName(), needs);
    }

    /** What one test method needs beyond its class: its own parameters. */
    static EngineRequirement ofMethod(Method testMethod) {
        return new EngineRequirement(testMethod.getName(), ofParameters(testMethod, ""));
    }

    /** One injection that needs an engine, found while injecting (the condition normally found it first). */
    static EngineRequirement of(String owner, String need) {
        return new EngineRequirement(owner, List.of(need));
    }

    /** {@code parameter image}, or {@code parameter #1} when the class was compiled without {@code -parameters}. */
    static String describe(Parameter parameter, int index) {
        return parameter.isNamePresent() ? "parameter " + parameter.getName() : "parameter #" + (index + 1);
    }

    private static List<String> ofParameters(Executable executable, String suffix) {
        List<String> needs = new ArrayList<>();
        Parameter[] parameters = executable.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            int index = i;
            need(parameters[i]).ifPresent(n -> needs.add(n + " " + describe(parameters[index], index) + suffix));
        }
        return needs;
    }

    private static Optional<String> need(AnnotatedElement element) {
        if (AnnotationSupport.isAnnotated(element, BuildImage.class)) {
            return Optional.of("@BuildImage");
        }
        if (element instanceof Parameter p && p.getType() == ImageBuilds.class) {
            return Optional.of("ImageBuilds");
        }
        return AnnotationSupport.findAnnotation(element, LoadImage.class)
                .filter(load -> !load.reference().isEmpty())
                .map(load -> "@LoadImage(reference)");
    }

    boolean needsEngine() {
        return !needs.isEmpty();
    }

    /** {@code RuntimeImageTest needs one for @BuildImage field runtime} */
    String describe() {
        return owner + " needs one for " + String.join(", ", needs);
    }

    /**
     * Disabled only when an engine is needed, none answers and the user opted in; the engine is not asked when
     * nothing needs it or the user did not opt in (then {@link #require} fails the test before anything runs).
     */
    ConditionEvaluationResult evaluate(BooleanSupplier engineAnswers, boolean disabledWithoutDocker) {
        if (!needsEngine()) {
            return ConditionEvaluationResult.enabled(owner + " needs no container engine");
        }
        if (!disabledWithoutDocker) {
            return ConditionEvaluationResult.enabled(Settings.DISABLED_WITHOUT_DOCKER + " is not set: a missing engine fails the test");
        }
        return engineAnswers.getAsBoolean() ? ConditionEvaluationResult.enabled("a container engine answers")
                : ConditionEvaluationResult.disabled(disabledReason());
    }

    /** Fails, saying how to start an engine and how to skip instead, when an engine is needed and none answers. */
    void require(BooleanSupplier engineAnswers) {
        if (needsEngine() && !engineAnswers.getAsBoolean()) {
            throw missing();
        }
    }

    String disabledReason() {
        return "No container engine answered, and " + Settings.DISABLED_WITHOUT_DOCKER + "=true: " + describe();
    }

    ExtensionConfigurationException missing() {
        EngineUnavailableException down = new EngineUnavailableException("Testcontainers found no working Docker environment", null);
        return new ExtensionConfigurationException(down.getMessage() + " " + describe() + ". To skip such tests instead, set "
                + Settings.DISABLED_WITHOUT_DOCKER + "=true.", down);
    }
}
