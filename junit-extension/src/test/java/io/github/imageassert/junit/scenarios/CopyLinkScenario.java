package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** {@code COPY --link}: Dockerfile syntax 1.4. */
public class CopyLinkScenario {
    @BuildImage(dockerfile = "src/test/docker/written/copy-link/Dockerfile", target = "runtime")
    static ContainerImage image;

    @Test
    void theLinkedFileIsThere() {
        assertThat(image).file("/app/linked.txt").hasContent("linked\n");
    }
}
