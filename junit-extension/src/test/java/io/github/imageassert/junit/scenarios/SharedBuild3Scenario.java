package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

public class SharedBuild3Scenario {
    @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "runtime", buildArgs = "GREETING=shared")
    static ContainerImage runtime;

    @Test
    void runtimeIsInjected() {
        assertThat(runtime).runsAsNonRoot().hasFile("/app/hello");
    }
}
