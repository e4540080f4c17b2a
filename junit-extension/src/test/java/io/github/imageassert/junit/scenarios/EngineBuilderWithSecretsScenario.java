package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** Run with imageassert.builder=engine: a BuildKit secret, which the engine's build API cannot pass. */
public class EngineBuilderWithSecretsScenario {
    @BuildImage(dockerfile = "src/test/docker/mounts/Dockerfile", secrets = "api_token=src/test/docker/mounts/api_token.txt")
    static ContainerImage image;

    @Test
    void needsTheImage() {
    }
}
