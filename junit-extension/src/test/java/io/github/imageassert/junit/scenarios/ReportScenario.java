package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** Two targets of one Dockerfile, passing and failing assertions: what ReportIT's report shows. */
public class ReportScenario {

    @BuildImage(dockerfile = "src/test/docker/report/Dockerfile", target = "runtime")
    static ContainerImage runtime;

    @BuildImage(dockerfile = "src/test/docker/report/Dockerfile", target = "base")
    static ContainerImage base;

    @Test
    void runtimeIsSmallAndRunsAsNonRoot() {
        assertThat(runtime).hasSizeLessThan("20 MB").runsAsNonRoot().hasFile("/app/app.txt");
    }

    @Test
    void runtimeWastesLittle() {
        assertThat(runtime).hasWastedBytesAtMost("100 kB");
    }

    @Test
    void runtimeAddsOnlyTheApp() {
        assertThat(runtime).relativeTo(base).addsOnlyFilesUnder("/app", "/tmp");
    }

    @Test
    void baseHasItsData() {
        assertThat(base).hasFile("/data/blob.bin").hasEveryLayerAtMost("5 MB");
    }
}
