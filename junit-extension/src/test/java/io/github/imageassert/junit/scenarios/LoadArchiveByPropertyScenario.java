package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.LoadImage;
import org.junit.jupiter.api.Test;

/** Run with {@code scenario.archive} set to a {@code docker save} archive of busybox. */
public class LoadArchiveByPropertyScenario {
    @LoadImage(archive = "${scenario.archive}")
    public static ContainerImage image;

    @Test
    void theArchiveIsRead() {
        assertThat(image).hasFile("/bin/busybox");
    }
}
