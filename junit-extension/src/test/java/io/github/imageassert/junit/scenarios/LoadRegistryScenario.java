package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.Platform;
import io.github.imageassert.junit.LoadImage;
import org.junit.jupiter.api.Test;

/** Run with {@code scenario.registry} set to busybox pushed to a registry. */
public class LoadRegistryScenario {
    @LoadImage(registry = "${scenario.registry}")
    public static ContainerImage image;

    @Test
    void theRegistryImageIsRead(@LoadImage(registry = "${scenario.registry}", platform = "linux/amd64") ContainerImage amd64) {
        assertThat(image).hasFile("/bin/busybox");
        org.assertj.core.api.Assertions.assertThat(amd64.platform()).isEqualTo(Platform.LINUX_AMD64);
    }
}
