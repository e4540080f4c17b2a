package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.LoadImage;
import org.junit.jupiter.api.Test;

/** A new user's first command run: it starts a container, which Testcontainers does after starting its reaper. */
public class FirstCommandScenario {
    @LoadImage(reference = "busybox:stable")
    static ContainerImage busybox;

    @Test
    void echoes() {
        assertThat(busybox).running("echo", "hello").succeeds().hasStdout("hello");
    }
}
