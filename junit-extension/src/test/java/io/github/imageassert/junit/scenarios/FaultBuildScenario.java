package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/**
 * A build that BuildFaultsIT breaks while its RUN step runs. The test writes the Dockerfile before it starts this
 * scenario, with a RUN that sleeps far longer than the test waits, marked with a text no other process has.
 */
public class FaultBuildScenario {

    @BuildImage(dockerfile = "target/fault-build/Dockerfile")
    static ContainerImage image;

    @Test
    void needsTheImage() {
    }
}
