package io.github.imageassert.junit.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Builds a resolved request into a tagged image the engine has. */
interface ImageBuilder {

    /** @return the image id */
    String build(BuildRequest request, String tag, BuildLog log, Duration timeout);

    String name();

    /** The builder {@value Settings#BUILDER} asks for; {@code auto} asks whether the docker CLI has buildx. */
    static ImageBuilder choose(Settings.Builder mode, BooleanSupplier buildxAvailable) {
        return switch (mode) {
            case BUILDX -> new BuildxBuilder();
            case ENGINE -> new EngineApiBuilder();
            case AUTO -> buildxAvailable.getAsBoolean() ? new BuildxBuilder() : new EngineApiBuilder();
        };
    }
}
