package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** Run in a JVM whose engine is Podman: built by whichever builder imageassert.builder picks there. */
public class PodmanAppScenario {
    @BuildImage(dockerfile = "src/test/docker/podman/app/Dockerfile", target = "runtime")
    static ContainerImage runtime;

    @Test
    void builtByPodman() {
        // TARGETOS and TARGETARCH are set, as BuildKit sets them, to this machine's platform
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : System.getProperty("os.arch");
        assertThat(runtime).runsAsNonRoot().file("/app/built.txt").hasContent("built for linux/" + arch + "\n");
        // Buildah took RUN --mount=type=cache: the RUN listed the mounted directory
        assertThat(runtime).file("/app/cache-listing.txt").hasContent("");
    }
}
