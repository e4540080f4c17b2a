package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.BrokenBuildAScenario;
import io.github.imageassert.junit.scenarios.BrokenBuildBScenario;
import io.github.imageassert.junit.scenarios.MissingDockerfileScenario;
import io.github.imageassert.junit.scenarios.UnknownTargetScenario;
import io.github.imageassert.junit.scenarios.WrongTypeScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Each way a build can go wrong gives a message that says what and what to do. */
class FailureModesIT {

    @Test
    void missingDockerfilePrintsTheAbsolutePathTried() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), MissingDockerfileScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .startsWith("ExtensionConfigurationException: @BuildImage: no Dockerfile at "
                        + Path.of("src/test/docker/does-not-exist/Dockerfile").toAbsolutePath())
                .contains("resolved against the working directory " + Path.of("").toAbsolutePath());
    }

    @Test
    void unknownTargetListsTheStagesTheDockerfileHas() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), UnknownTargetScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .contains("has no stage 'prod'. Its stages are: builder, runtime.");
    }

    @Test
    void aFieldOfAnotherTypeIsAConfigurationError() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), WrongTypeScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .contains("Cannot inject an image into field image of type java.lang.String: declare it as io.github.imageassert.ContainerImage.");
    }

    @Test
    void aFailedBuildNamesTheStepShowsTheLogAndIsNotRetriedPerClass() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), BrokenBuildAScenario.class, BrokenBuildBScenario.class);

        List<String> failures = ScenarioKit.failureMessages(results);
        assertThat(failures).hasSize(2).allSatisfy(m -> assertThat(m)
                .contains("Building target broken of src/test/docker/broken/Dockerfile failed at step [broken 1/2] RUN echo \"about to fail\" && exit 3")
                .containsPattern("Last [0-9]+ lines of the build log:")
                .contains("about to fail"));
        assertThat(ScenarioKit.buildsReported(results, "image-assert.build.failed")).hasSize(1);
    }

    @Test
    void theEngineApiBuilderReportsTheFailingStepToo() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.builder", "engine"), BrokenBuildAScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .contains("failed at step Step 4/5 : RUN echo \"about to fail\" && exit 3")
                .contains("about to fail");
    }
}
