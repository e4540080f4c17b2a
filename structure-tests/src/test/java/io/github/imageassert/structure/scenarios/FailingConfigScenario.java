package io.github.imageassert.structure.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.structure.StructureTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** A user's test class over a config whose every test must fail; run by FailingConfigIT through the engine. */
public class FailingConfigScenario {

    @BuildImage(dockerfile = "src/test/docker/proof/Dockerfile", target = "bad-docs")
    static ContainerImage image;

    @TestFactory
    Stream<DynamicTest> structure() {
        return StructureTests.from("src/test/cst/proof-fail.yaml").against(image);
    }
}
