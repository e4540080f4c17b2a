package io.github.imageassert.junit;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.scenarios.CopyLinkScenario;
import io.github.imageassert.junit.scenarios.HeredocScenario;
import io.github.imageassert.junit.scenarios.StageNumberScenario;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void heredocsBuildOrTheMessageSaysTheBuilderIsTooOld() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), HeredocScenario.class);

        if (buildKitHasDockerfile14()) {
            assertThat(ScenarioKit.failureMessages(results)).isEmpty();
            results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        } else {
            // BuildKit before 0.10 reads the heredoc's body as instructions: "FROM scratch AS packaged" passes, "name = demo" not
            assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                    .startsWith("ImageBuildException: Building target runtime of src/test/docker/written/heredocs/Dockerfile failed: "
                            + "line 7 is in the body of a heredoc (COPY <<EOF, line 4), which the builder read as an instruction "
                            + "(\"unknown instruction: NAME\"): the builder, BuildKit " + buildKitVersion())
                    .contains(", is too old for heredocs, which came with Dockerfile syntax 1.4: BuildKit 0.10 and later has it, "
                            + "and so does the BuildKit built into Docker Engine 23.0 and later. Upgrade the engine (Docker Engine "
                            + "23.0 or later), or have buildx use a newer BuildKit of its own")
                    .containsPattern("Last [0-9]+ lines of the build log:");
        }
    }

    @Test
    void copyLinkBuildsOrTheMessageSaysTheBuilderIsTooOld() {
        EngineExecutionResults results = ScenarioKit.run(Map.of(), CopyLinkScenario.class);

        if (buildKitHasDockerfile14()) {
            assertThat(ScenarioKit.failureMessages(results)).isEmpty();
        } else {
            assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                    .startsWith("ImageBuildException: Building target runtime of src/test/docker/written/copy-link/Dockerfile failed: "
                            + "line 5 uses COPY --link (\"Unknown flag: link\"): the builder, BuildKit " + buildKitVersion())
                    .contains("is too old for COPY --link, which came with Dockerfile syntax 1.4");
        }
    }

    @Test
    void theEngineApiBuilderSaysItHasNoHeredocsAtAnyVersion() {
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.builder", "engine"), HeredocScenario.class);

        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .startsWith("ImageBuildException: Building target runtime of src/test/docker/written/heredocs/Dockerfile failed: "
                        + "line 7 is in the body of a heredoc (COPY <<EOF, line 4), which the builder read as an instruction "
                        + "(\"unknown instruction: NAME\"): the engine API builder is the engine's classic builder, which has none "
                        + "of BuildKit's syntax (heredocs, COPY --link, RUN --mount) at any version. Build with BuildKit for "
                        + "heredocs: install the docker CLI's buildx plugin and remove imageassert.builder=engine");
    }

    private static final Pattern VERSION = Pattern.compile("(?im)^\\s*buildkit(?: version)?:\\s*v?(\\d+)\\.(\\d+)\\S*");

    /** What {@code docker buildx inspect} says, e.g. {@code v0.8+unknown}. */
    private static String buildKitVersion() {
        try {
            Process p = new ProcessBuilder("docker", "buildx", "inspect").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Matcher m = Pattern.compile("(?im)^\\s*buildkit(?: version)?:\\s*(\\S+)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            return m.group(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean buildKitHasDockerfile14() {
        Matcher m = VERSION.matcher("BuildKit version: " + buildKitVersion());
        assertThat(m.find()).isTrue();
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > 0 || minor >= 10;
    }
}
