package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.junit.LoadImage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Which tests need a container engine, and the three modes when none answers: run (nothing needs one), disabled
 * (imageassert.disabledWithoutDocker=true), failed with what to do (otherwise). No engine needed.
 */
class EngineRequirementTest {

    static class ReadsAnArchive {
        @LoadImage(archive = "target/app.tar")
        static ContainerImage app;
    }

    static class BuildsAnImage {
        @BuildImage(dockerfile = "Dockerfile")
        ContainerImage runtime;
    }

    static class LoadsAReference {
        @LoadImage(reference = "${app.image}")
        static ContainerImage app;
    }

    static class BuildsInItsConstructorAndBeforeEach {
        BuildsInItsConstructorAndBeforeEach(@BuildImage ContainerImage first) {
        }

        @BeforeEach
        void setUp(@LoadImage(reference = "app:1") ContainerImage second) {
        }
    }

    static class Methods {
        void buildsOne(String unrelated, @BuildImage(target = "runtime") ContainerImage image) {
        }

        void readsAnArchive(@LoadImage(archive = "target/app.tar") ContainerImage image) {
        }
    }

    /** An engine that answers as told, and counts how often it was asked. */
    private static final class Probe implements BooleanSupplier {
        final AtomicInteger asked = new AtomicInteger();
        final boolean answers;

        Probe(boolean answers) {
            this.answers = answers;
        }

        @Override
        public boolean getAsBoolean() {
            asked.incrementAndGet();
            return answers;
        }
    }

    private static final Probe NO_ENGINE = new Probe(false);

    @Test
    void anArchiveNeedsNoEngine() {
        assertThat(EngineRequirement.ofClass(ReadsAnArchive.class).needsEngine()).isFalse();
    }

    @Test
    void aBuildNeedsOne() {
        assertThat(EngineRequirement.ofClass(BuildsAnImage.class).describe())
                .isEqualTo("BuildsAnImage needs one for @BuildImage field runtime");
    }

    @Test
    void aReferenceNeedsOneEvenWhenItIsAProperty() {
        assertThat(EngineRequirement.ofClass(LoadsAReference.class).describe())
                .isEqualTo("LoadsAReference needs one for @LoadImage(reference) field app");
    }

    @Test
    void constructorAndLifecycleParametersCountForTheWholeClass() {
        assertThat(EngineRequirement.ofClass(BuildsInItsConstructorAndBeforeEach.class).describe())
                .isEqualTo("BuildsInItsConstructorAndBeforeEach needs one for @BuildImage parameter #1 of the constructor, "
                        + "@LoadImage(reference) parameter #1 of setUp");
    }

    @Test
    void aTestMethodNeedsOneForItsOwnParameters() throws Exception {
        assertThat(EngineRequirement.ofMethod(Methods.class.getDeclaredMethod("buildsOne", String.class, ContainerImage.class)).describe())
                .isEqualTo("buildsOne needs one for @BuildImage parameter #2");
        assertThat(EngineRequirement.ofMethod(Methods.class.getDeclaredMethod("readsAnArchive", ContainerImage.class)).needsEngine())
                .isFalse();
    }

    @Test
    void whenNothingNeedsAnEngineTheTestRunsWithoutAskingForOne() {
        Probe engine = new Probe(false);
        EngineRequirement archive = EngineRequirement.ofClass(ReadsAnArchive.class);

        assertThat(archive.evaluate(engine, true).isDisabled()).isFalse();
        archive.require(engine);
        assertThat(engine.asked).hasValue(0);
    }

    @Test
    void whenAnEngineAnswersTheTestRuns() {
        EngineRequirement build = EngineRequirement.ofClass(BuildsAnImage.class);

        assertThat(build.evaluate(new Probe(true), true).isDisabled()).isFalse();
        build.require(new Probe(true));
    }

    @Test
    void withTheOptInAndNoEngineTheTestIsDisabledSayingWhy() {
        ConditionEvaluationResult result = EngineRequirement.ofClass(BuildsAnImage.class).evaluate(NO_ENGINE, true);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValue("No container engine answered, and imageassert.disabledWithoutDocker=true: "
                + "BuildsAnImage needs one for @BuildImage field runtime");
    }

    @Test
    void withoutTheOptInTheConditionLetsTheTestStartAndRequireFailsIt() {
        // GIVEN a class that builds an image, no engine, and no opt-in
        EngineRequirement build = EngineRequirement.ofClass(BuildsAnImage.class);
        Probe engine = new Probe(false);

        // WHEN the condition is evaluated THEN it does not disable the test (nor ask for the engine)
        assertThat(build.evaluate(engine, false).isDisabled()).isFalse();
        assertThat(engine.asked).hasValue(0);

        // AND the extension's require fails it with what to do
        assertThatThrownBy(() -> build.require(engine))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("No container engine answered: Testcontainers found no working Docker environment.")
                .hasMessageContaining("scripts/engine.sh")
                .hasMessageEndingWith("BuildsAnImage needs one for @BuildImage field runtime. "
                        + "To skip such tests instead, set imageassert.disabledWithoutDocker=true.");
    }
}
