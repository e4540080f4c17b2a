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
        assertThat(runtime).hasNoShell().hasNoSetuidOrSetgidFiles().hasNoWorldWritableFiles().hasNoLeakedSecrets()
                .doesNotContainBuildTools().hasSizeAtMostPercentOf(builder, 1);
    }

    @Test
    void theBinaryRunsButNothingElseCan() {
        assertThat(runtime).running("image-assert").succeeds().hasStdout("hello from image-assert (uid=65532 gid=65532)");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> io.github.imageassert.ContainerRun.of(runtime).withEntrypoint("sh", "-c").run("id -u"))
                .isInstanceOf(io.github.imageassert.run.CommandNotFoundException.class)
                .hasMessageContaining("sh");
    }

    @Test
    void theBuilderHadTheCompiler() {
        assertThat(builder).hasExecutable("gcc").hasExecutable("sh");
        assertThat(runtime).doesNotContainExecutable("gcc");
    }
}
