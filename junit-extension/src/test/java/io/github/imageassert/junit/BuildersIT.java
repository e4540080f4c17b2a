package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.EngineBuilderScenario;
import io.github.imageassert.junit.scenarios.PlatformArgsScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** imageassert.builder: buildx and the engine's API build the same Dockerfile to the same shape. */
class BuildersIT {

    @Test
    void theEngineApiBuilderBuildsTheSameDockerfile() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.builder", "engine"), EngineBuilderScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(ScenarioKit.buildsReported(results, "image-assert.builder")).containsOnly("engine API").hasSize(2);
    }

    @Test
    void onlyBuildKitSetsThePlatformArguments() {
        // What the builders table says: BuildKit sets BUILDPLATFORM, TARGETOS and TARGETARCH; the classic builder does not
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : System.getProperty("os.arch");

        ScenarioKit.run(Map.of("imageassert.builder", "engine"), PlatformArgsScenario.class);
        java.util.Optional<String> classic = PlatformArgsScenario.image.readString("/platform.txt");
        ScenarioKit.run(Map.of("imageassert.builder", "buildx"), PlatformArgsScenario.class);
        java.util.Optional<String> buildKit = PlatformArgsScenario.image.readString("/platform.txt");

        assertThat(classic).hasValue("/ from \n");
        assertThat(buildKit).hasValue("linux/" + arch + " from linux/" + arch + "\n");
    }

    @Test
    void buildxIsChosenWhenTheCliHasIt() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), EngineBuilderScenario.class);

        assertThat(ScenarioKit.buildsReported(results, "image-assert.builder")).containsOnly("buildx");
    }
}
