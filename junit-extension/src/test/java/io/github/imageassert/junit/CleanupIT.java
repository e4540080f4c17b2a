package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import io.github.imageassert.junit.scenarios.CleanupScenario;
import io.github.imageassert.internal.source.Engine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class CleanupIT {

    private static boolean engineHas(String tag) {
        try {
            Engine.client().inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Test
    void removeDeletesTheBuiltImageWhenTheRunEnds() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.cleanup", "remove"), CleanupScenario.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        List<String> tags = ScenarioKit.buildsReported(results, "image-assert.tag");
        assertThat(tags).singleElement().satisfies(tag -> assertThat(engineHas(tag)).as("%s after the run", tag).isFalse());
    }

    @Test
    void keepLeavesItForTheNextRunsCache() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), CleanupScenario.class);

        List<String> tags = ScenarioKit.buildsReported(results, "image-assert.tag");
        assertThat(tags).singleElement().satisfies(tag -> assertThat(engineHas(tag)).as("%s after the run", tag).isTrue());
    }
}
