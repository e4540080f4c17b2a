import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

class RuntimeImageTest {

    @BuildImage(dockerfile = "src/test/docker/Dockerfile", target = "runtime")
    static ContainerImage runtime;

    @Test
    void runtimeIsLean() {
        assertThat(runtime)
                .runsAsNonRoot()
                .doesNotContainExecutable("gcc")
                .hasSizeLessThan("150 MB");
    }
}
