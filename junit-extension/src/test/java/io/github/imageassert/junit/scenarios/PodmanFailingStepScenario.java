package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** A one-stage build whose seventh of twelve steps fails, run where the engine is Podman. */
public class PodmanFailingStepScenario {
    @BuildImage(dockerfile = "src/test/docker/podman/failing-step/Dockerfile")
    static ContainerImage image;

    @Test
    void needsTheImage() {
    }
}
