package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes its build context in a static initializer, which must run before the build. */
public class StaticInitializerScenario {

    static final String MARKER = "written-by-static-init-" + System.nanoTime();

    static {
        try {
            Path dir = Files.createDirectories(Path.of("target/generated-context"));
            Files.writeString(dir.resolve("Dockerfile"), "FROM busybox:stable\nCOPY marker /marker\n");
            Files.writeString(dir.resolve("marker"), MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BuildImage(dockerfile = "target/generated-context/Dockerfile")
    static ContainerImage image;

    @Test
    void theBuildSawWhatTheInitializerWrote() {
        assertThat(image).file("/marker").hasContent(MARKER);
    }
}
