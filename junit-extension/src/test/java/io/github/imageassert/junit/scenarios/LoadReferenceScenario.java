package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.LoadImage;
import org.junit.jupiter.api.Test;

public class LoadReferenceScenario {
    @LoadImage(reference = "busybox:stable")
    static ContainerImage image;

    @Test
    void theEnginesImageIsRead() {
        assertThat(image).hasFile("/bin/busybox");
        assertThat(image.description()).contains("busybox:stable");
    }
}
