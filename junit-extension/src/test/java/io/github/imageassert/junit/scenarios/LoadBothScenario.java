package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.LoadImage;
import org.junit.jupiter.api.Test;

public class LoadBothScenario {
    @Test
    void needsTheImage(@LoadImage(reference = "busybox:stable", archive = "target/test-archives/busybox-stable.tar") ContainerImage image) {
    }
}
