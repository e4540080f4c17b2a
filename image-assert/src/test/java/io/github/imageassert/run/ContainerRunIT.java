package io.github.imageassert.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.testing.DockerBuild;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands run in real containers of images a real engine builds from the local base images. */
class ContainerRunIT {

    static ContainerImage app;
    static ContainerImage scratch;

    @BeforeAll
    static void build() {
        app = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/run:app", """
                FROM debian:bookworm-slim
                RUN useradd -u 10001 app
                USER app
                ENV GREETING=hello
                ENTRYPOINT ["sh", "-c"]
                CMD ["echo default"]
                """, Map.of()));
        scratch = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/run:scratch", """
                FROM busybox:stable AS b
                FROM scratch
                COPY --from=b /bin/busybox /busybox
                ENTRYPOINT ["/busybox"]
                """, Map.of()));
    }

    @Test
    void runsWithTheImagesEntrypointAndUser() {
        CommandResult result = ContainerRun.of(app).run("id -u; echo $GREETING");

        assertThat(result.command()).containsExactly("sh", "-c", "id -u; echo $GREETING");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("10001\nhello\n");
        assertThat(result.stderr()).isEmpty();
        assertThat(ContainerRun.of(app).run().stdout()).isEqualTo("default\n");
    }

    @Test
    void keepsStdoutAndStderrApart() {
        CommandResult result = ContainerRun.of(app).withEnv("GREETING", "bye")
                .run("echo out $GREETING; echo err >&2; exit 3");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out bye\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.duration()).isPositive().isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void observesTheUidTheEngineGaveALongerCommand() {
        CommandResult result = ContainerRun.of(app).withEntrypoint().run("sleep", "2");

        assertThat(result.command()).containsExactly("sleep", "2");
        assertThat(result.uid()).hasValue(10001);
        assertThat(result.gid()).hasValue(10001);
    }

    @Test
    void scratchImageRunsOnlyWhatItContains() {
        assertThat(ContainerRun.of(scratch).run("echo", "hi").stdout()).isEqualTo("hi\n");

        assertThatThrownBy(() -> ContainerRun.of(scratch).withEntrypoint().run("sh", "-c", "echo hi"))
                .isInstanceOf(CommandNotFoundException.class)
                .hasMessage("Cannot run [sh, -c, echo hi] in image image-assert-test/run:scratch: the image has no executable"
                        + " \"sh\" on PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin. The image's"
                        + " ENTRYPOINT is [/busybox] and its CMD is []. Images built FROM scratch or distroless have no"
                        + " shell (sh) and no coreutils: run a program the image contains, by its path (e.g. its"
                        + " ENTRYPOINT), or check the name.");
    }

    @Test
    void timeoutStopsAndRemovesTheContainer() {
        List<String> before = containers();

        assertThatThrownBy(() -> ContainerRun.of(app).withTimeout(Duration.ofMillis(500)).run("echo started; sleep 30"))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageStartingWith("Command `sh -c 'echo started; sleep 30'` in image image-assert-test/run:app was"
                        + " still running after 500 ms")
                .hasMessageEndingWith("stdout so far:\nstarted");
        assertThat(containers()).isEqualTo(before);
    }

    private static List<String> containers() {
        return DockerBuild.run(List.of("docker", "ps", "-aq", "--filter", "ancestor=image-assert-test/run:app")).lines().toList();
    }
}
