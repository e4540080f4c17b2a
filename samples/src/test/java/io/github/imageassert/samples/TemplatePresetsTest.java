package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.Platform;
import io.github.imageassert.junit.BuildSpec;
import io.github.imageassert.junit.BuildsImages;
import io.github.imageassert.junit.ImageBuilds;
import io.github.imageassert.junit.Preset;
import io.github.imageassert.junit.PresetsSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** template-presets: one Dockerfile template, each preset built once and held to its promises. */
@BuildsImages
class TemplatePresetsTest {

    static final BuildSpec TEMPLATE = BuildSpec.dockerfile("template-presets/Dockerfile");
    static final String PRESETS = "template-presets/presets.properties";
    /** Measured: slim 2.1 MB, full 4.2 MB (its 2 MiB manual); the arm64 busybox is a little bigger. */
    static final Map<String, String> BUDGETS = Map.of("slim", "3 MB", "full", "5 MB", "slim-arm64", "3 MB", "legacy", "3 MB");

    @ParameterizedTest(name = "{0}")
    @PresetsSource(PRESETS)
    void eachPresetKeepsItsPromises(Preset preset, ImageBuilds builds) {
        ContainerImage image = builds.build(TEMPLATE.with(preset));

        assertThat(image).runsAsNonRoot().doesNotContainBuildTools().hasSizeAtMost(BUDGETS.get(preset.name()));
        assertThat(image).file("/opt/runtime/VERSION").hasContent(preset.buildArgs().get("RUNTIME_VERSION") + "\n");
        String platform = preset.platform().isEmpty() ? Platform.host().toString() : preset.platform();
        assertThat(image).hasPlatform(platform);
        // the RUN ran on that architecture (through QEMU for arm64 on an amd64 machine)
        assertThat(image).file("/opt/runtime/ARCH").hasContent(platform.endsWith("arm64") ? "aarch64\n" : "x86_64\n");
    }

    @Test
    void aPresetThatShipsABuildToolFailsAndTheMessageNamesIt(ImageBuilds builds) {
        Preset debug = Preset.of("debug", Map.of("VARIANT", "debug", "RUNTIME_VERSION", "2.4"));

        ContainerImage image = builds.build(TEMPLATE.with(debug));

        assertThatThrownBy(() -> assertThat(image).doesNotContainBuildTools())
                .hasMessageContaining("preset debug")
                .hasMessageContaining("/bin/cc");
    }

    @Test
    void noPresetIsANoOpAndEveryBuildArgIsUsed(ImageBuilds builds) {
        List<Preset> presets = Preset.read(Path.of(PRESETS));

        builds.lint(TEMPLATE, presets);
    }
}
