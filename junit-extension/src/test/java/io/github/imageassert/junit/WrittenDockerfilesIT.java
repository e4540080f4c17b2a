package io.github.imageassert.junit;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.scenarios.StageNumberScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Dockerfiles as people write them (src/test/docker/written), built for real through the extension: with buildx
 * where the docker CLI has it, as the extension chooses by default.
 */
class WrittenDockerfilesIT {

    @BuildImage(dockerfile = "src/test/docker/written/windows-escape/Dockerfile", target = "runtime")
    static ContainerImage windowsStyle;

    @BuildImage(dockerfile = "src/test/docker/written/bom/Dockerfile", target = "builder")
    static ContainerImage withByteOrderMark;

    @BuildImage(dockerfile = "src/test/docker/written/windows-1252/Dockerfile", target = "runtime")
    static ContainerImage windows1252;

    @BuildImage(dockerfile = "src/test/docker/written/unnamed-stages/Dockerfile")
    static ContainerImage unnamedLastStage;

    @Test
    void aWindowsStyleDockerfileBuildsItsSecondStage() {
        assertThat(windowsStyle).hasEnv("INSTALL_DIR", "C:\\app\\").hasEnv("DATA_DIR", "D:\\data\\")
                .file("/app/app.txt").hasContent("built by the builder stage\n");
    }

    @Test
    void aDockerfileWithAByteOrderMarkBuildsItsFirstStage() {
        assertThat(withByteOrderMark).file("/builder.txt").hasContent("from the builder\n");
    }

    @Test
    void aDockerfileWithAWindows1252CommentBuilds() {
        assertThat(windows1252).file("/app/built.txt").hasContent("built\n");
    }

    @Test
    void anUnnamedLastStageIsDescribedAndTaggedAsTheDockerfilesImage() {
        assertThat(unnamedLastStage.description()).startsWith("image-assert.local/unnamed-stages:")
                .endsWith(" (the last stage (FROM busybox:stable, line 9) of src/test/docker/written/unnamed-stages/Dockerfile)");
        assertThat(unnamedLastStage).file("/app/base.txt").hasContent("base\nbuilt\n");
    }

    @Test
    void aStageNumberIsRejectedBeforeAnythingIsBuilt() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), StageNumberScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .contains("has no stage '1'. A target is a stage's name (FROM <image> AS <name>), not its number. Its stages are: builder.");
        assertThat(ScenarioKit.buildsReported(results, "image-assert.build")).isEmpty();
        assertThat(ScenarioKit.buildsReported(results, "image-assert.build.failed")).isEmpty();
    }
}
