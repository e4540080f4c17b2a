package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.junit.BuildImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What a request says about its stage before anything is built: the target check, messages and tags. No engine. */
class BuildRequestStagesTest {

    static class Written {
        @BuildImage(dockerfile = "src/test/docker/written/unnamed-stages/Dockerfile")
        Object lastUnnamed;
        @BuildImage(dockerfile = "src/test/docker/written/unnamed-stages/Dockerfile", target = "1")
        Object byNumber;
        @BuildImage(dockerfile = "src/test/docker/written/unnamed-stages/Dockerfile", target = "prod")
        Object unknown;
        @BuildImage(dockerfile = "src/test/docker/written/unnamed-stages/Dockerfile", target = "Builder")
        Object otherCase;
        @BuildImage(dockerfile = "src/test/docker/written/windows-1252/Dockerfile", target = "runtime")
        Object windows1252;
        @BuildImage(dockerfile = "src/test/docker/written/windows-escape/Dockerfile", target = "runtime")
        Object windowsEscape;
        @BuildImage(dockerfile = "src/test/docker/written/bom/Dockerfile", target = "builder")
        Object bom;
        @BuildImage(dockerfile = "src/test/docker/written/heredocs/Dockerfile", target = "packaged")
        Object insideAHeredoc;
        @BuildImage(dockerfile = "src/test/docker/cleanup/Dockerfile", target = "0")
        Object noNamesAtAll;
    }

    private static BuildRequest written(String field) throws NoSuchFieldException {
        return BuildRequest.of(Written.class.getDeclaredField(field).getAnnotation(BuildImage.class));
    }

    private static final Path UNNAMED = Path.of("src/test/docker/written/unnamed-stages/Dockerfile").toAbsolutePath();

    @Test
    void anUnnamedLastStageIsNamedForWhatItIs() throws Exception {
        BuildRequest request = written("lastUnnamed");

        assertThat(request.describe()).isEqualTo("the last stage (FROM busybox:stable, line 9) of src/test/docker/written/unnamed-stages/Dockerfile");
        assertThat(request.tag()).startsWith("image-assert.local/unnamed-stages:");
    }

    @Test
    void aStageNumberIsNoTarget() {
        assertThatThrownBy(() -> written("byNumber")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@BuildImage: " + UNNAMED + " has no stage '1'. A target is a stage's name (FROM <image> AS <name>), "
                        + "not its number. Its stages are: builder. 2 more stages have no name and cannot be targets: "
                        + "FROM busybox:stable (line 2), FROM busybox:stable (line 9); leave target empty to build the last one.");
    }

    @Test
    void anUnknownTargetListsTheNamedStagesAndTheOthers() {
        assertThatThrownBy(() -> written("unknown")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@BuildImage: " + UNNAMED + " has no stage 'prod'. Its stages are: builder. 2 more stages have no name "
                        + "and cannot be targets: FROM busybox:stable (line 2), FROM busybox:stable (line 9); leave target empty "
                        + "to build the last one.");
    }

    @Test
    void aDockerfileWithoutNamesSaysSo() {
        assertThatThrownBy(() -> written("noNamesAtAll")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("has no stage '0'. A target is a stage's name (FROM <image> AS <name>), not its number. "
                        + "Its one stage has no name: leave target empty to build it.");
    }

    @Test
    void targetsAreMatchedIgnoringCaseAndNamedAsBuildKitNamesThem() throws Exception {
        assertThat(written("otherCase").describe()).startsWith("target builder of ");
        assertThat(written("otherCase").tag()).startsWith("image-assert.local/unnamed-stages-builder:");
    }

    @Test
    void aWindows1252DockerfileIsRead() throws Exception {
        assertThat(written("windows1252").describe()).startsWith("target runtime of ");
    }

    @Test
    void aWindowsStyleDockerfileHasItsSecondStage() throws Exception {
        assertThat(written("windowsEscape").describe()).startsWith("target runtime of ");
    }

    @Test
    void aDockerfileWithAByteOrderMarkHasItsFirstStage() throws Exception {
        assertThat(written("bom").describe()).startsWith("target builder of ");
    }

    @Test
    void aFromInAHeredocIsNoStage() {
        assertThatThrownBy(() -> written("insideAHeredoc")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("has no stage 'packaged'. Its stages are: builder, runtime.");
    }
}
