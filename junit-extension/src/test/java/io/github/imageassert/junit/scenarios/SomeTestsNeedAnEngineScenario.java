package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.junit.LoadImage;
import org.junit.jupiter.api.Test;

/** One test reads an archive (no engine needed); two need an engine: a build and a reference. */
public class SomeTestsNeedAnEngineScenario {

    @LoadImage(archive = "${scenario.archive}")
    static ContainerImage archived;

    @Test
    void readsTheArchive() {
        assertThat(archived).hasFile("/bin/busybox");
    }

    @Test
    void buildsAnImage(@BuildImage(dockerfile = "src/test/docker/cleanup/Dockerfile") ContainerImage built) {
    }

    @Test
    void loadsAReference(@LoadImage(reference = "busybox:stable") ContainerImage referenced) {
    }
}
