package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

public class UnknownTargetScenario {
    @Test
    void needsTheImage(@BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "prod") ContainerImage image) {
    }
}
