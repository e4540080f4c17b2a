package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.LoadImage;
import org.junit.jupiter.api.Test;

public class LoadNeitherScenario {
    @Test
    void needsTheImage(@LoadImage ContainerImage image) {
    }
}
