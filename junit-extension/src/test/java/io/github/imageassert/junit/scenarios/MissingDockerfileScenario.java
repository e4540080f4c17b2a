package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

public class MissingDockerfileScenario {
    @BuildImage(dockerfile = "src/test/docker/does-not-exist/Dockerfile")
    static ContainerImage image;

    @Test
    void needsTheImage() {
    }
}
