package io.github.imageassert.junit.internal;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.source.Engine;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.junit.ImageBuilds;
import io.github.imageassert.junit.LoadImage;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.opentest4j.TestAbortedException;

/**
 * Injects images into fields and parameters annotated with {@link BuildImage} or {@link LoadImage}. Builds are
 * kept in the root store, keyed by what determines their result, so each is made once per run.
 * <p>
 * Internal: public only because the annotations name it in {@code @ExtendWith}. Use the annotations instead.
 */
public class ImageExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor,
        ParameterResolver {

    /** The repository every image the extension builds is tagged in. */
    public static final String TAG_REPOSITORY = "image-assert.local";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ImageExtension.class);

    /**
     * A class or test that needs an engine (a build, a reference) where none answers is disabled when
     * {@code imageassert.disabledWithoutDocker=true}; without that setting, {@link #beforeAll} and {@link #beforeEach}
     * fail it before anything is built, saying what to do. Tests that need none (an archive) run either way.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        StoreParameters.apply(context);
        EngineRequirement requirement = requirement(context);
        boolean disabledWithoutDocker = requirement.needsEngine() && Settings.from(context).disabledWithoutDocker();
        return requirement.evaluate(() -> engineAnswers(context), disabledWithoutDocker);
    }

    private static EngineRequirement requirement(ExtensionContext context) {
        return context.getTestMethod().map(EngineRequirement::ofMethod)
                .orElseGet(() -> EngineRequirement.ofClass(context.getRequiredTestClass()));
    }

    /** Asked once per run: Testcontainers probes every place an engine may be, which takes a moment when none is there. */
    private static boolean engineAnswers(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("engine answers", k -> Engine.isAvailable(), Boolean.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        publishReportLocation(context);
        EngineRequirement.ofClass(context.getRequiredTestClass()).require(() -> engineAnswers(context));
        Class<?> testClass = context.getRequiredTestClass();
        // A static initializer may prepare the build context; it must run before the build, not on field.set.
        Class.forName(testClass.getName(), true, testClass.getClassLoader());
        injectFields(context, null, f -> Modifier.isStatic(f.getModifiers()));
    }

    /**
     * Where the run's report will be ({@link ReportListener} writes it when the run ends), as a report entry of each
     * class that uses the extension: {@code image-assert.report=file:///.../target/image-assert/index.html}.
     */
    private static void publishReportLocation(ExtensionContext context) {
        ReportSettings.dir(context::getConfigurationParameter).ifPresent(dir -> context.publishReportEntry(
                "image-assert.report", dir.resolve(io.github.imageassert.internal.report.ReportWriter.HTML).toUri().toString()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        EngineRequirement.ofMethod(context.getRequiredTestMethod()).require(() -> engineAnswers(context));
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        injectFields(context, testInstance, f -> !Modifier.isStatic(f.getModifiers()));
    }

    private void injectFields(ExtensionContext context, Object instance, Predicate<Field> which) throws IllegalAccessException {
        Class<?> testClass = instance != null ? instance.getClass() : context.getRequiredTestClass();
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, BuildImage.class, which, HierarchyTraversalMode.TOP_DOWN)) {
            set(field, instance, image(context, field, field.getType(), "field " + field.getName()), "@BuildImage");
        }
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, LoadImage.class, which, HierarchyTraversalMode.TOP_DOWN)) {
            set(field, instance, image(context, field, field.getType(), "field " + field.getName()), "@LoadImage");
        }
    }

    private static void set(Field field, Object instance, ContainerImage image, String annotation) throws IllegalAccessException {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException(annotation + " field " + field.getName() + " is final; it cannot be injected");
        }
        field.setAccessible(true);
        field.set(instance, image);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(BuildImage.class) || parameter.isAnnotated(LoadImage.class)
                || parameter.getParameter().getType() == ImageBuilds.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == ImageBuilds.class) {
            Settings settings = Settings.from(context);
            requireEngine(context, settings, "ImageBuilds parameter of " + parameter.getDeclaringExecutable().getName());
            return new ExtensionImageBuilds(context, settings);
        }
        try {
            return image(context, parameter.getParameter(), parameter.getParameter().getType(),
                    EngineRequirement.describe(parameter.getParameter(), parameter.getIndex()) + " of "
                            + parameter.getDeclaringExecutable().getName());
        } catch (ExtensionConfigurationException | TestAbortedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private ContainerImage image(ExtensionContext context, AnnotatedElement element, Class<?> type, String where) {
        if (!type.isAssignableFrom(ContainerImage.class)) {
            throw new ExtensionConfigurationException("Cannot inject an image into " + where + " of type " + type.getName()
                    + ": declare it as " + ContainerImage.class.getName() + ".");
        }
        Optional<BuildImage> build = AnnotationSupport.findAnnotation(element, BuildImage.class);
        Optional<LoadImage> load = AnnotationSupport.findAnnotation(element, LoadImage.class);
        if (build.isPresent() && load.isPresent()) {
            throw new ExtensionConfigurationException(where + " has both @BuildImage and @LoadImage; use one");
        }
        Settings settings = Settings.from(context);
        if (build.isPresent()) {
            requireEngine(context, settings, "@BuildImage " + where);
            return built(context, build.get(), settings);
        }
        return loaded(context, load.orElseThrow(), where, settings);
    }

    /** The condition has normally disabled or failed such a test already; this is for injections it cannot see. */
    private static void requireEngine(ExtensionContext context, Settings settings, String need) {
        if (!engineAnswers(context)) {
            EngineRequirement requirement = EngineRequirement.of(context.getRequiredTestClass().getSimpleName(), need);
            if (settings.disabledWithoutDocker()) {
                throw new TestAbortedException(requirement.disabledReason());
            }
            throw requirement.missing();
        }
    }

    private ContainerImage built(ExtensionContext context, BuildImage annotation, Settings settings) {
        return built(context, BuildRequest.of(annotation), settings);
    }

    /** The image of {@code request}: built by the first caller of the run, shared with every later one. */
    static ContainerImage built(ExtensionContext context, BuildRequest request, Settings settings) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        BuildOutcome outcome = store.getOrComputeIfAbsent("build:" + request.key(), key -> build(context, request, settings),
                BuildOutcome.class);
        return outcome.image();
    }

    /**
     * Asked once per run, not per build: each answer starts the 65 MB buildx plugin, 0.3 to 2.3 s on a busy 2-core
     * machine (PresetsBenchmark), as long as a small build's own steps and in the way of the build running beside it.
     */
    private static boolean buildxAvailable(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("buildx available", k -> BuildxBuilder.available(),
                Boolean.class);
    }

    /** Runs once per key; never throws, so that a failure is remembered and reported to every test needing it. */
    private static BuildOutcome build(ExtensionContext context, BuildRequest request, Settings settings) {
        String tag = request.tag();
        ImageBuilder builder = ImageBuilder.choose(settings.builder(), () -> buildxAvailable(context), Engine::isPodman);
        BuildProgress progress = BuildProgress.detect();
        BuildLog log = new BuildLog(request.describe(), progress);
        long start = System.nanoTime();
        progress.info("Building " + request.describe() + " with " + builder.name() + " as " + tag);
        try {
            Emulation.require(request);
            String id = builder.build(request, tag, log, settings.timeout());
            long seconds = Math.round((System.nanoTime() - start) / 1e9);
            progress.info("Built " + request.describe() + " in " + seconds + " s: " + id);
            context.getRoot().publishReportEntry(Map.of("image-assert.build", request.describe(), "image-assert.tag", tag,
                    "image-assert.builder", builder.name(), "image-assert.seconds", String.valueOf(seconds)));
            // knowing its Dockerfile, the image's messages and report name the line of each layer's instruction
            ContainerImage image = ContainerImage.fromDaemon(tag).describedAs(tag + " (" + request.describe() + ")")
                    .builtFrom(request.dockerfile(), request.target());
            return BuildOutcome.built(tag, image, settings.cleanup());
        } catch (RuntimeException e) {
            progress.error("Build of " + request.describe() + " failed: " + e.getMessage());
            context.getRoot().publishReportEntry(Map.of("image-assert.build.failed", request.describe()));
            return BuildOutcome.failed(e);
        }
    }

    /** A reference needs the engine; an archive is read from the file alone, a registry image over HTTP. */
    private ContainerImage loaded(ExtensionContext context, LoadImage annotation, String where, Settings settings) {
        String reference = expand(context, annotation.reference());
        String archive = expand(context, annotation.archive());
        String registry = expand(context, annotation.registry());
        String platform = expand(context, annotation.platform());
        long given = java.util.stream.Stream.of(reference, archive, registry).filter(s -> !s.isEmpty()).count();
        if (given != 1) {
            throw new ExtensionConfigurationException("@LoadImage on " + where + " needs exactly one of reference, archive or registry");
        }
        if (!platform.isEmpty() && registry.isEmpty()) {
            throw new ExtensionConfigurationException("@LoadImage on " + where + " gives a platform, which only a registry image uses");
        }
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (!registry.isEmpty()) {
            Platform chosen = platform.isEmpty() ? null : parsePlatform(platform, where);
            return store.getOrComputeIfAbsent("registry:" + registry + "|" + platform, k -> chosen == null
                    ? ContainerImage.fromRegistry(registry) : ContainerImage.fromRegistry(registry, chosen), ContainerImage.class);
        }
        if (!reference.isEmpty()) {
            requireEngine(context, settings, "@LoadImage(reference) " + where);
            return store.getOrComputeIfAbsent("reference:" + reference, k -> ContainerImage.fromDaemon(reference), ContainerImage.class);
        }
        // One image per file, however its path is spelled: the key is the absolute, normalized path.
        Path file = Path.of(archive).toAbsolutePath().normalize();
        return store.getOrComputeIfAbsent("archive:" + file, k -> ContainerImage.fromArchive(file), ContainerImage.class);
    }

    private static Platform parsePlatform(String text, String where) {
        try {
            return Platform.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@LoadImage on " + where + ": " + e.getMessage(), e);
        }
    }

    /** {@code ${name}} is read from configuration parameters (and so system properties). */
    private static String expand(ExtensionContext context, String value) {
        if (value.startsWith("${") && value.endsWith("}")) {
            String name = value.substring(2, value.length() - 1);
            return context.getConfigurationParameter(name).orElseThrow(() -> new ExtensionConfigurationException(
                    "@LoadImage refers to ${" + name + "}, but no system property or configuration parameter of that name is set"));
        }
        return value;
    }
}
