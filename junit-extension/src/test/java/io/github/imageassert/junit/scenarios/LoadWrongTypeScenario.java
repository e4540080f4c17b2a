package io.github.imageassert.junit.scenarios;

import io.github.imageassert.junit.LoadImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

public class LoadWrongTypeScenario {
    @LoadImage(archive = "target/test-archives/busybox-stable.tar")
    static Path image;

    @Test
    void needsTheImage() {
    }
}
