package consumer;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.LoadImage;
import io.github.imageassert.structure.StructureTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class CstTest {

    @LoadImage(reference = "busybox:stable")
    static ContainerImage image;

    @TestFactory
    Stream<DynamicTest> structure() {
        return StructureTests.from("src/test/cst/cst.yaml").against(image);
    }
}
