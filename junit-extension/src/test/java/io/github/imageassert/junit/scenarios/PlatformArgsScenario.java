package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** Records the platform arguments the builder set; the test that runs it reads {@link #image}. */
public class PlatformArgsScenario {
    @BuildImage(dockerfile = "src/test/docker/platform-args/Dockerfile", target = "runtime")
    public static ContainerImage image;

    @Test
    void built() {
    }
}
