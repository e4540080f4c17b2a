package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.LoadImage;
import org.junit.jupiter.api.Test;

/** Needs the archive that TestArchives.busybox() writes. */
public class LoadArchiveScenario {
    @LoadImage(archive = "target/test-archives/busybox-stable.tar")
    public static ContainerImage image;

    @Test
    void theArchiveIsRead() {
        assertThat(image).hasFile("/bin/busybox");
    }
}
