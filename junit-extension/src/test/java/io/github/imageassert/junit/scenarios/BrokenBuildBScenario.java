package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

public class BrokenBuildBScenario {
    @BuildImage(dockerfile = "src/test/docker/broken/Dockerfile", target = "broken")
    static ContainerImage image;

    @Test
    void needsTheImage() {
    }
}
