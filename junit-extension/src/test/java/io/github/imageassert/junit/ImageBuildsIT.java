package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.PresetsScenario;
import io.github.imageassert.junit.scenarios.TemplateLintScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link ImageBuilds}, presets and platforms, and the template lint, with real builds (arm64 through QEMU). */
class ImageBuildsIT {

    @Test
    void eachDistinctBuildRunsOnceWhetherAnnotatedProgrammaticOrAPreset() {
        // WHEN three presets (one for arm64), the slim preset again as @BuildImage and a buildAll of slim, full, slim run
        EngineExecutionResults results = ScenarioKit.run(Map.of(), PresetsScenario.class);

        // THEN every test passes, and only the three distinct builds ran
        assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        assertThat(ScenarioKit.buildsReported(results, "image-assert.build")).containsExactlyInAnyOrder(
                "target runtime of src/test/docker/template/Dockerfile",
                "preset full: target runtime of src/test/docker/template/Dockerfile {VARIANT=full}",
                "preset full-arm64: target runtime of src/test/docker/template/Dockerfile {BASE=image-assert/busybox-arm64:stable, "
                        + "VARIANT=full} for linux/arm64");
    }

    @Test
    void theLintNamesEveryPresetThatDoesNothingOrPassesAnArgTheTargetDoesNotUse() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), TemplateLintScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .contains("The presets of src/test/docker/template/Dockerfile have 4 problems:")
                .contains("preset same-as-a: build arg OTHER is not declared by any stage")
                .contains("preset unused: build arg UNUSED is declared but never used by")
                .contains("preset early: build arg EARLY is used on line 7 (RUN) before its ARG line 8, where it is still empty")
                .contains("presets a and same-as-a build the identical image sha256:")
                .contains("what tells them apart ({OTHER=(unset) vs 1}) changes nothing");
    }
}
