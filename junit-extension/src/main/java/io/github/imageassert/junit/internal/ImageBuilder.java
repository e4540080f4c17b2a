package io.github.imageassert.junit.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Builds a resolved request into a tagged image the engine has. */
interface ImageBuilder {

    /** @return the image id */
    String build(BuildRequest request, String tag, BuildLog log, Duration timeout);

    String name();

    /**
     * The builder {@value Settings#BUILDER} asks for. {@code auto} takes buildx when the docker CLI has it, unless the
     * engine is Podman: there buildx has no BuildKit in the engine to use, and would start one in a container from
     * the moby/buildkit image (pulled from a registry), while the engine's own builder, Buildah, is right there.
     */
    static ImageBuilder choose(Settings.Builder mode, BooleanSupplier buildxAvailable, BooleanSupplier engineIsPodman) {
        return switch (mode) {
            case BUILDX -> new BuildxBuilder();
            case ENGINE -> new EngineApiBuilder(engineIsPodman.getAsBoolean());
            case AUTO -> {
                boolean podman = engineIsPodman.getAsBoolean();
                yield !podman && buildxAvailable.getAsBoolean() ? new BuildxBuilder() : new EngineApiBuilder(podman);
            }
        };
    }
}
