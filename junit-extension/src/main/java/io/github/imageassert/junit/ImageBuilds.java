package io.github.imageassert.junit;

import io.github.imageassert.ContainerImage;
import java.util.List;

/**
 * Builds on demand, injected as a test or lifecycle method parameter (in a class with {@link BuildsImages},
 * {@link BuildImage} or {@link LoadImage}, or a {@link PresetsSource} method): for presets and platforms that an
 * annotation cannot list. Shares the run's builds with {@link BuildImage}: one build per distinct spec per run,
 * a failure remembered and reported to every test that needs that build.
 * <pre>{@code
 * @ParameterizedTest
 * @PresetsSource("src/test/docker/presets.properties")
 * void staysLean(Preset preset, ImageBuilds builds) {
 *     ContainerImage image = builds.build(BuildSpec.dockerfile("src/test/docker/Dockerfile").with(preset));
 *     assertThat(image).hasSizeAtMost(DataSize.megabytes(80));
 * }
 * }</pre>
 */
public interface ImageBuilds {

    /** The image {@code spec} describes, built now or earlier in the run. */
    ContainerImage build(BuildSpec spec);

    /**
     * Every spec's image, in order; at most {@code imageassert.parallelBuilds} builds at once (default 2), each
     * logged as it starts ("build 3 of 12: …"). The first failure is thrown after all have finished.
     */
    List<ContainerImage> buildAll(List<BuildSpec> specs);

    /**
     * Builds {@code template} with every preset and fails, naming each preset at fault, when a preset sets a build
     * arg the target never uses (or uses before its {@code ARG} line, where it is still empty), or when two presets
     * build the identical image (one of them does nothing). All problems are reported in one {@link AssertionError}.
     */
    void lint(BuildSpec template, List<Preset> presets);
}
