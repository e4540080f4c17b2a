package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.SharedBuild1Scenario;
import io.github.imageassert.junit.scenarios.SharedBuild2Scenario;
import io.github.imageassert.junit.scenarios.SharedBuild3Scenario;
import io.github.imageassert.junit.scenarios.SharedBuild4Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ParallelBuildIT {

    @Test
    void classesRunningInParallelShareExactlyOneBuild() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"),
                SharedBuild1Scenario.class, SharedBuild2Scenario.class, SharedBuild3Scenario.class, SharedBuild4Scenario.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
        assertThat(ScenarioKit.buildsReported(results, "image-assert.build"))
                .containsExactly("target runtime of src/test/docker/multistage/Dockerfile");
    }
}
