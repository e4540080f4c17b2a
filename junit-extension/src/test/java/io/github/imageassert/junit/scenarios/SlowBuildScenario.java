package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A build whose RUN sleeps a minute: longer than the timeout it is run with. The Dockerfile is written anew with a
 * nonce, so no cache from an earlier run can make the step instant.
 */
public class SlowBuildScenario {

    public static final Path DOCKERFILE = Path.of("target/slow-context/Dockerfile");

    static {
        try {
            Files.createDirectories(DOCKERFILE.getParent());
            Files.writeString(DOCKERFILE, "FROM busybox:stable AS slow\nRUN echo 'sleeping " + System.nanoTime() + "' && sleep 60\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BuildImage(dockerfile = "target/slow-context/Dockerfile")
    static ContainerImage image;

    @Test
    void needsTheImage() {
    }
}
