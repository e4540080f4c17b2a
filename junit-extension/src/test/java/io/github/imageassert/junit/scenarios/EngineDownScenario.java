package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

public class EngineDownScenario {
    @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile")
    static ContainerImage image;

    @Test
    void needsTheImage() {
    }
}
