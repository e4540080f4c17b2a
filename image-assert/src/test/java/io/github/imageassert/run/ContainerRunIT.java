package io.github.imageassert.run;

import io.github.imageassert.ContainerRun;
import static io.github.imageassert.ImageAssertions.assertThat;
import static io.github.imageassert.ImageAssertions.assertThatThrownBy;

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
    static ContainerImage root;

    @BeforeAll
    static void build() {
        app = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/run:app", """
                FROM debian:bookworm-slim
                RUN useradd -u 10001 app
                USER app
                ENV GREETING=hello
                ENTRYPOINT ["echo"]
                CMD ["default"]
                """, Map.of()));
        scratch = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/run:scratch", """
                FROM busybox:stable AS b
                FROM scratch
                COPY --from=b /bin/busybox /busybox
                """, Map.of()));
        root = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/run:root", """
                FROM busybox:stable
                ENTRYPOINT ["sleep"]
                """, Map.of()));
    }

    @Test
    void runsAfterTheImagesEntrypointAsTheImagesUser() {
        assertThat(app).running("hi").succeeds().hasStdout("hi");
        assertThat(ContainerRun.of(app).run()).hasStdout("default");

        CommandResult id = ContainerRun.of(app).withEntrypoint().run("id", "-u");
        assertThat(id.command()).containsExactly("id", "-u");
        assertThat(id).succeeds().hasStdout("10001").hasStderr("");
    }

    @Test
    void keepsStdoutAndStderrApart() {
        CommandResult result = ContainerRun.of(app).withEntrypoint("sh", "-c").withEnv("GREETING", "bye")
                .run("echo out $GREETING; echo err >&2; exit 3");

        assertThat(result.stdout()).isEqualTo("out bye\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.duration()).isPositive().isLessThan(Duration.ofSeconds(30));
        assertThat(result).hasExitCode(3).stdoutMatches("^out \\w+$").stderrMatches("e.r").stdoutContains("bye")
                .stderrContains("err");
        assertThatThrownBy(() -> assertThat(result).succeeds())
                .hasMessageContaining("but it exited with code 3 after ");
        assertThatThrownBy(() -> assertThat(result).stdoutContains("err"))
                .hasMessageContaining("but it printed stdout:%n  out bye%nand stderr:%n  err%nand exited with code 3".formatted());
    }

    @Test
    void observesTheUidTheEngineGaveARunningCommand() {
        CommandResult sleep = ContainerRun.of(app).withEntrypoint().run("sleep", "2");

        assertThat(sleep.uid()).hasValue(10001);
        assertThat(sleep.gid()).hasValue(10001);
        assertThat(sleep).ranAsUid(10001).ranAsNonRoot();
        assertThatThrownBy(() -> assertThat(sleep).ranAsUid(0)).hasMessage(("%nExpecting image:%n  image-assert-test/run:app%n"
                + "running:%n  sleep 2%nto run as uid:%n  0%nbut the engine saw its main process run as uid 10001 (gid 10001)").formatted());
    }

    @Test
    void aCommandTooQuickToObserveFailsTheUidAssertionWithAdvice() {
        CommandResult quick = ContainerRun.of(app).run("quick");

        assertThat(quick.uid()).isEmpty();
        assertThatThrownBy(() -> assertThat(quick).ranAsUid(10001))
                .hasMessageContaining("but its uid was not observed: the command ended after ")
                .hasMessageEndingWith("e.g. \"sleep 2\", or the image's server.");
    }

    @Test
    void rootImageIsSeenRunningAsRoot() {
        CommandResult sleep = ContainerRun.of(root).run("2");

        assertThat(sleep).succeeds().ranAsUid(0);
        assertThatThrownBy(() -> assertThat(sleep).ranAsNonRoot()).hasMessage(("%nExpecting image:%n  image-assert-test/run:root%n"
                + "running:%n  sleep 2%nto run as a non-root uid,%nbut the engine saw its main process run as uid 0 (gid 0)").formatted());
    }

    @Test
    void scratchImageRunsOnlyWhatItContains() {
        assertThat(ContainerRun.of(scratch).run("/busybox", "echo", "hi")).succeeds().hasStdout("hi");

        assertThatThrownBy(() -> ContainerRun.of(scratch).run("sh", "-c", "echo hi"))
                .isInstanceOf(CommandNotFoundException.class)
                .hasMessage("Cannot run [sh, -c, echo hi] in image image-assert-test/run:scratch: the image has no executable"
                        + " \"sh\" on PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin. The image's"
                        + " ENTRYPOINT is [] and its CMD is []. Images built FROM scratch or distroless have no"
                        + " shell (sh) and no coreutils: run a program the image contains, by its path (e.g. its"
                        + " ENTRYPOINT), or check the name.");
        assertThatThrownBy(() -> assertThat(scratch).running("/bin/true"))
                .isInstanceOf(CommandNotFoundException.class)
                .hasMessageContaining("the image has no executable \"/bin/true\". ");
    }

    @Test
    void timeoutStopsAndRemovesTheContainer() {
        List<String> before = containers();

        assertThatThrownBy(() -> ContainerRun.of(app).withEntrypoint("sh", "-c").withTimeout(Duration.ofMillis(500))
                .run("echo started; sleep 30"))
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
