package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/** Build progress reaches the user with or without an SLF4J provider. */
class BuildProgressTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(console, true, StandardCharsets.UTF_8);

    @Test
    void withoutAProviderProgressGoesToStandardErrorExplainedOnce() {
        // GIVEN SLF4J without a provider: what LoggerFactory.getILoggerFactory() returns then
        BuildProgress progress = BuildProgress.of(new NOPLoggerFactory(), () -> stream, new AtomicBoolean());
        BuildLog log = new BuildLog("target runtime of Dockerfile", progress);

        // WHEN a build writes two lines
        log.line("#5 [runtime 1/2] RUN make");
        log.line("#5 DONE 61.2s");

        // THEN both are on the console, after one line saying why and what to add
        assertThat(progress.toConsole()).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[image-assert] SLF4J has no provider, so build progress is written here. To route it through your logging "
                        + "instead, add one at test scope, e.g. org.slf4j:slf4j-simple (logger io.github.imageassert.build).",
                "[image-assert] [target runtime of Dockerfile] #5 [runtime 1/2] RUN make",
                "[image-assert] [target runtime of Dockerfile] #5 DONE 61.2s");
        assertThat(log.failingStep()).isEqualTo("[runtime 1/2] RUN make");
    }

    @Test
    void withAProviderProgressIsLoggedNotPrinted() {
        BuildProgress progress = BuildProgress.of(LoggerFactory.getILoggerFactory(), () -> stream, new AtomicBoolean());

        new BuildLog("x", progress).line("#1 [internal] load build definition from Dockerfile");

        assertThat(progress.toConsole()).isFalse();
        assertThat(console.size()).isZero();
    }
}
