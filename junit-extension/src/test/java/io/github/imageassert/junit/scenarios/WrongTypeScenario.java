package io.github.imageassert.junit.scenarios;

import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

public class WrongTypeScenario {
    @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile")
    static String image;

    @Test
    void needsTheImage() {
    }
}
