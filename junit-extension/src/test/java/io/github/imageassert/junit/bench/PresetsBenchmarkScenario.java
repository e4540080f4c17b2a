package io.github.imageassert.junit.bench;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildSpec;
import io.github.imageassert.junit.BuildsImages;
import io.github.imageassert.junit.ImageBuilds;
import io.github.imageassert.junit.Preset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library's side of {@link PresetsBenchmark}, run through the JUnit Platform launcher because {@link ImageBuilds}
 * exists only inside the extension: every preset built at once with {@code buildAll} (default parallelism), then
 * each preset asked for again by a parameterized test, as a template's test class would, so that a preset built
 * twice would show in the count. The harness names the Dockerfile and the round's presets file in system properties.
 */
@BuildsImages
public class PresetsBenchmarkScenario {

    static final String DOCKERFILE = "imageassert.bench.dockerfile";
    static final String PRESETS = "imageassert.bench.presets";

    /** Wall time of the {@code buildAll} call alone, read by the harness after the run. */
    static volatile double buildAllSeconds;

    static List<Preset> presets() {
        return Preset.read(Path.of(Objects.requireNonNull(System.getProperty(PRESETS), PRESETS)));
    }

    static BuildSpec template() {
        return BuildSpec.dockerfile(Objects.requireNonNull(System.getProperty(DOCKERFILE), DOCKERFILE));
    }

    @BeforeAll
    static void buildEveryPresetAtOnce(ImageBuilds builds) {
        long start = System.nanoTime();
        builds.buildAll(presets().stream().map(template()::with).toList());
        buildAllSeconds = (System.nanoTime() - start) / 1e9;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void eachPresetIsTheBuildAlreadyMade(Preset preset, ImageBuilds builds) {
        ContainerImage image = builds.build(template().with(preset));
        if (image == null) {
            throw new AssertionError("no image for preset " + preset.name());
        }
    }
}
