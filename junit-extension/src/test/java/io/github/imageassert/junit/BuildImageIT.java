package io.github.imageassert.junit;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.scenarios.StaticInitializerScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Real builds of a multi-stage Dockerfile, injected in every place the extension supports. */
class BuildImageIT {

    @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "runtime")
    static ContainerImage runtime;

    @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "builder", buildArgs = "GREETING=bonjour")
    ContainerImage builderWithArg;

    private final ContainerImage fromConstructor;

    BuildImageIT(@BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile") ContainerImage lastStage) {
        this.fromConstructor = lastStage;
    }

    @Test
    void theTargetStageIsBuilt() {
        assertThat(runtime).runsAsUser("app").hasEntrypoint("/app/hello").hasFile("/app/hello").doesNotHaveFile("/out");
    }

    @Test
    void theImageIsDescribedByItsTagAndTheTargetThatBuiltIt() {
        assertThat(runtime.description()).startsWith("image-assert.local/multistage-runtime:")
                .endsWith(" (target runtime of src/test/docker/multistage/Dockerfile)");
    }

    @Test
    void buildArgsReachTheBuild(@BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "builder") ContainerImage builder) {
        assertThat(builderWithArg).file("/out/greeting.txt").hasContent("bonjour\n");
        assertThat(builder).as("the same target without the arg").file("/out/greeting.txt").hasContent("hi\n");
    }

    @Test
    void noTargetMeansTheLastStageAndSharesItsBuild() {
        assertThat(fromConstructor.metadata().id()).isEqualTo(runtime.metadata().id());
    }

    @Test
    void theImageCarriesOnlyWhatTheDockerfileSays() {
        assertThat(runtime.config().labels()).isEmpty();
        assertThat(runtime.metadata().history()).extracting(h -> h.instruction())
                .noneMatch(i -> i.startsWith("LABEL"));
        assertThat(runtime).hasLayerCount(3);
        assertThat(runtime).layer(1).hasInstructionContaining("COPY /out/ /app/");
    }

    @Test
    void dockerignoreIsHonoured(@BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "builder") ContainerImage builder) {
        assertThat(builder).hasFile("/ctx/Dockerfile").doesNotHaveFile("/ctx/leak.secret").doesNotHaveFile("/ctx/ignored");
    }

    @Test
    void aStaticInitializerRunsBeforeTheBuild() {
        // GIVEN a class whose static initializer writes the build context it names
        // WHEN it runs
        EngineExecutionResults results = ScenarioKit.run(Map.of(), StaticInitializerScenario.class);

        // THEN the build saw what the initializer wrote
        assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }
}
