package consumer;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** A test through the extension: builds the consumer's src/test/docker/Dockerfile (FROM busybox:stable). */
class ExtensionTest {

    @BuildImage(dockerfile = "src/test/docker/Dockerfile")
    static ContainerImage image;

    @Test
    void theExtensionBuildsAndInjectsTheImage() {
        assertThat(image).file("/consumer.txt").hasContent("built for a consumer\n");
    }
}
