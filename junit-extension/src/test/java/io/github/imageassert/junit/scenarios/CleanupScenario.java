package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

public class CleanupScenario {
    @BuildImage(dockerfile = "src/test/docker/cleanup/Dockerfile")
    static ContainerImage image;

    @Test
    void theImageExistsDuringTheRun() {
        assertThat(image).hasFile("/cleanup.txt");
    }
}
