package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** A new user's first test, as getting-started shows it: build a target, assert on the image. */
public class FirstBuildScenario {
    @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "runtime")
    static ContainerImage runtime;

    @Test
    void runtimeIsLean() {
        assertThat(runtime).runsAsNonRoot().doesNotContainExecutable("gcc").hasSizeLessThan("150 MB");
    }
}
