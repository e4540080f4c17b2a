package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** A stage's number given as the target: BuildKit takes names only. */
public class StageNumberScenario {
    @Test
    void needsTheImage(@BuildImage(dockerfile = "src/test/docker/written/unnamed-stages/Dockerfile", target = "1") ContainerImage image) {
    }
}
