package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.BrokenBuildAScenario;
import io.github.imageassert.junit.scenarios.BrokenBuildBScenario;
import io.github.imageassert.junit.scenarios.EngineBuilderWithSecretsScenario;
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
    void aFailedBuildNamesTheFailingStepAndShowsTheEndOfTheLog() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), BrokenBuildAScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .startsWith("ImageBuildException: Building target broken of src/test/docker/broken/Dockerfile failed at step "
                        + "[broken 1/2] RUN echo \"about to fail\" && exit 3")
                .containsPattern("Last [0-9]+ lines of the build log:")
                .contains("about to fail");
    }

    @Test
    void aFailedBuildIsNotRetriedPerClass() {
        // GIVEN two classes needing the same broken build
        // WHEN they run together
        EngineExecutionResults results = ScenarioKit.run(Map.of(), BrokenBuildAScenario.class, BrokenBuildBScenario.class);

        // THEN it was built once, and both fail with its message
        assertThat(ScenarioKit.buildsReported(results, "image-assert.build.failed")).hasSize(1);
        List<String> failures = ScenarioKit.failureMessages(results);
        assertThat(failures).hasSize(2).containsOnly(failures.get(0));
    }

    @Test
    void theEngineApiBuilderReportsTheFailingStepToo() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.builder", "engine"), BrokenBuildAScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .contains("failed at step Step 4/5 : RUN echo \"about to fail\" && exit 3")
                .contains("about to fail");
    }

    @Test
    void secretsWithTheEngineApiBuilderAreAClearError() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.builder", "engine"), EngineBuilderWithSecretsScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .isEqualTo("ImageBuildException: Building target runtime of src/test/docker/mounts/Dockerfile needs BuildKit for its "
                        + "secrets [api_token], which the engine API builder does not support. Install docker buildx, or remove "
                        + "imageassert.builder=engine.");
    }
}
