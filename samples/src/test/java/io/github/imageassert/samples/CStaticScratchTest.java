package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** c-static-scratch: a static binary alone in FROM scratch, run as a numeric non-root uid. */
class CStaticScratchTest {

    @BuildImage(dockerfile = "c-static-scratch/Dockerfile", target = "runtime")
    static ContainerImage runtime;

    @BuildImage(dockerfile = "c-static-scratch/Dockerfile", target = "builder")
    static ContainerImage builder;

    @Test
    void runtimeIsTheBinaryAndNothingElse() {
        long binary = runtime.file("/app").orElseThrow().size();
        assertThat(runtime).hasLayerCount(1).hasSizeAtMost((binary + 4096) + " B").hasSizeLessThan("1 MB");
        assertThat(runtime.filesystem().entries()).extracting(e -> e.path()).containsExactly("/", "/app");
    }

    @Test
    void runtimeHasNoShellAndRunsAsNumericNonRoot() {
        assertThat(runtime).doesNotHaveFile("/bin/sh").doesNotContainExecutable("sh").doesNotHaveFile("/etc/passwd")
                .runsAsNonRoot().hasUser("65532:65532").runsAsUser("65532").hasEntrypoint("/app");
        assertThat(runtime).file("/app").isRegularFile().isExecutable().hasOwner(0, 0);
    }

    @Test
    void theBuilderHadTheCompiler() {
        assertThat(builder).hasExecutable("gcc").hasExecutable("sh");
        assertThat(runtime).doesNotContainExecutable("gcc");
    }
}
