package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** Run with imageassert.builder=engine: the same Dockerfile through the engine's build API. */
public class EngineBuilderScenario {
    @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "runtime")
    static ContainerImage runtime;

    @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "builder", buildArgs = "GREETING=engine")
    static ContainerImage builder;

    @Test
    void runtimeIsTheSameShape() {
        assertThat(runtime).runsAsNonRoot().hasEntrypoint("/app/hello").hasFile("/app/hello").hasLayerCount(3);
        assertThat(runtime.config().labels()).isEmpty();
    }

    @Test
    void buildArgsAndDockerignoreWork() {
        assertThat(builder).file("/out/greeting.txt").hasContent("engine\n");
        assertThat(builder).hasFile("/ctx/Dockerfile").doesNotHaveFile("/ctx/leak.secret").doesNotHaveFile("/ctx/ignored");
    }
}
