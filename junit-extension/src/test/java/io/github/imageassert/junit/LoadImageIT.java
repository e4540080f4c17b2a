package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.LoadArchiveByPropertyScenario;
import io.github.imageassert.junit.scenarios.LoadArchiveScenario;
import io.github.imageassert.junit.scenarios.LoadBothScenario;
import io.github.imageassert.junit.scenarios.LoadNeitherScenario;
import io.github.imageassert.junit.scenarios.LoadReferenceScenario;
import io.github.imageassert.junit.scenarios.LoadRegistryScenario;
import io.github.imageassert.junit.scenarios.LoadWrongTypeScenario;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @LoadImage}: an image built elsewhere, from the engine or from a {@code docker save} archive. */
class LoadImageIT {

    static Path archive;

    @BeforeAll
    static void aDockerSaveArchiveOfBusybox() {
        archive = TestArchives.busybox();
    }

    @Test
    void aReferenceLoadsAnImageTheEngineHas() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), LoadReferenceScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void anArchiveLoadsADockerSaveTar() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), LoadArchiveScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aRegistryImageIsReadOverHttp() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("scenario.registry", TestArchives.pushedBusybox()),
                LoadRegistryScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aPropertyIsReadFromAConfigurationParameter() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("scenario.archive", archive.toString()),
                LoadArchiveByPropertyScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aPropertyIsReadFromASystemProperty() {
        System.setProperty("scenario.archive", archive.toString());
        try {
            EngineExecutionResults results = ScenarioKit.run(Map.of(), LoadArchiveByPropertyScenario.class);

            assertThat(ScenarioKit.failureMessages(results)).isEmpty();
            results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        } finally {
            System.clearProperty("scenario.archive");
        }
    }

    @Test
    void aPropertyThatIsNotSetIsAConfigurationError() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), LoadArchiveByPropertyScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString().isEqualTo("ExtensionConfigurationException: "
                + "@LoadImage refers to ${scenario.archive}, but no system property or configuration parameter of that name is set");
    }

    @Test
    void bothAReferenceAndAnArchiveIsAConfigurationError() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), LoadBothScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .contains("@LoadImage on parameter #1 of needsTheImage needs exactly one of reference, archive or registry");
    }

    @Test
    void neitherAReferenceNorAnArchiveIsAConfigurationError() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), LoadNeitherScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .contains("@LoadImage on parameter #1 of needsTheImage needs exactly one of reference, archive or registry");
    }

    @Test
    void aFieldOfAnotherTypeIsAConfigurationError() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), LoadWrongTypeScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString().isEqualTo("ExtensionConfigurationException: "
                + "Cannot inject an image into field image of type java.nio.file.Path: declare it as io.github.imageassert.ContainerImage.");
    }

    @Test
    void twoFieldsLoadingTheSameArchiveShareOneImage() {
        // GIVEN two classes loading the same archive, one spelling its path differently
        Map<String, String> sameFileSpelledOtherwise = Map.of("scenario.archive", "./" + TestArchives.BUSYBOX);

        // WHEN they run together
        EngineExecutionResults results = ScenarioKit.run(sameFileSpelledOtherwise,
                LoadArchiveScenario.class, LoadArchiveByPropertyScenario.class);

        // THEN both got the one ContainerImage the run's root store holds (read and indexed once)
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(LoadArchiveByPropertyScenario.image).isSameAs(LoadArchiveScenario.image);
    }
}
