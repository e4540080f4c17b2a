package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.EngineBuilderScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class BuildersIT {

    @Test
    void theEngineApiBuilderBuildsTheSameDockerfile() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.builder", "engine"), EngineBuilderScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(ScenarioKit.buildsReported(results, "image-assert.builder")).containsOnly("engine API").hasSize(2);
    }

    @Test
    void buildxIsChosenWhenTheCliHasIt() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), EngineBuilderScenario.class);

        assertThat(ScenarioKit.buildsReported(results, "image-assert.builder")).containsOnly("buildx");
    }

    @Test
    void staticInitializersRunBeforeTheBuild() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), io.github.imageassert.junit.scenarios.StaticInitializerScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void anUnknownBuilderSettingIsAClearError() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.builder", "kaniko"), EngineBuilderScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .contains("Configuration parameter imageassert.builder=kaniko is not one of [auto, buildx, engine]");
    }
}
