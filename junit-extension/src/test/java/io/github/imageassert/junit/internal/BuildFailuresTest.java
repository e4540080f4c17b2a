package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.internal.dockerfile.Dockerfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Build logs of builders too old for a Dockerfile's syntax, as each builder words it. No engine. */
class BuildFailuresTest {

    private static BuildRequest request(String shape) throws Exception {
        Path dockerfile = Path.of("src/test/docker/written", shape, "Dockerfile").toAbsolutePath();
        return new BuildRequest(dockerfile, Dockerfile.read(dockerfile), dockerfile.getParent(), "runtime", Map.of(), Map.of());
    }

    private static final BuildFailures.Builder BUILDKIT_0_9 = new BuildFailures.Builder(false, () -> "v0.9.3");

    @Test
    void laterBuildKitsWordTheParseErrorOtherwise() throws Exception {
        assertThat(BuildFailures.tooOld(request("heredocs"), List.of(
                "ERROR: failed to solve: dockerfile parse error on line 11: unknown instruction: exec"), BUILDKIT_0_9))
                .hasValueSatisfying(why -> assertThat(why).startsWith("line 11 is in the body of a heredoc (RUN <<EOT, line 9)")
                        .contains("the builder, BuildKit v0.9.3, is too old for heredocs"));
    }

    @Test
    void anUnknownInstructionOutsideAHeredocIsTheDockerfilesOwnMistake() throws Exception {
        assertThat(BuildFailures.tooOld(request("heredocs"), List.of(
                "ERROR: failed to solve: dockerfile parse error line 2: unknown instruction: WORKDIRR"), BUILDKIT_0_9)).isEmpty();
    }

    @Test
    void anotherUnknownFlagIsNamedWithoutAVersionClaim() {
        Path dockerfile = Path.of("Dockerfile").toAbsolutePath();
        BuildRequest request = new BuildRequest(dockerfile, "FROM busybox:stable AS runtime\n"
                + "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d app.tar /app/\n",
                dockerfile.getParent(), "runtime", Map.of(), Map.of());

        assertThat(BuildFailures.tooOld(request, List.of("ERROR: failed to solve: dockerfile parse error line 2: Unknown flag: checksum"),
                BUILDKIT_0_9))
                .hasValue("line 2 uses ADD --checksum (\"Unknown flag: checksum\"): the builder, BuildKit v0.9.3, does not know that "
                        + "flag; it came with a later Dockerfile syntax. Upgrade the engine (Docker Engine 23.0 or later), or have "
                        + "buildx use a newer BuildKit of its own (`docker buildx create --use --driver docker-container`, which runs "
                        + "the moby/buildkit image), or, where the build may pull images, make `# syntax=docker/dockerfile:1` the "
                        + "Dockerfile's first line.");
    }

    @Test
    void anUnknownBuildKitVersionIsNotGuessed() throws Exception {
        assertThat(BuildFailures.tooOld(request("copy-link"), List.of("dockerfile parse error line 5: Unknown flag: link"),
                new BuildFailures.Builder(false, () -> null)))
                .hasValueSatisfying(why -> assertThat(why).contains("the builder, the BuildKit that docker buildx uses, is too old"));
    }

    @Test
    void theClassicBuilderHasNoRunMount() throws Exception {
        assertThat(BuildFailures.tooOld(request("heredocs"), List.of("Step 2/2 : RUN --mount=type=cache,target=/x true",
                "ERROR: the --mount option requires BuildKit. Refer to the documentation to learn how to build images with BuildKit "
                        + "enabled"), new BuildFailures.Builder(true, () -> null)))
                .hasValueSatisfying(why -> assertThat(why).startsWith("RUN --mount needs BuildKit, and the engine API builder is the "
                        + "engine's classic builder").contains("install the docker CLI's buildx plugin"));
    }

    @Test
    void buildahsStepLinesNameTheFailingStep() throws Exception {
        // Podman 4.3's Buildah, through the Docker-compatible API: a one-stage build, then a stage of a multi-stage one
        BuildLog oneStage = new BuildLog("x");
        List.of("STEP 6/12: RUN mkdir -p conf logs", "--> 70d3a7df365", "STEP 7/12: RUN test -f conf/app.conf",
                "ERROR: building at STEP \"RUN test -f conf/app.conf\": while running runtime: exit status 1").forEach(oneStage::line);
        BuildLog multiStage = new BuildLog("x");
        List.of("[1/2] STEP 2/2: RUN echo one", "--> 4fed8126633", "[2/2] STEP 1/4: FROM 4fed81266331 AS broken",
                "[2/2] STEP 2/4: RUN exit 3").forEach(multiStage::line);

        assertThat(oneStage.failingStep()).isEqualTo("STEP 7/12: RUN test -f conf/app.conf");
        assertThat(multiStage.failingStep()).isEqualTo("[2/2] STEP 2/4: RUN exit 3");
        assertThat(multiStage.steps()).hasSize(3);
    }

    @Test
    void buildxThatCannotStartItsBuildKitSaysSo() throws Exception {
        // docker buildx on Podman: no BuildKit in the engine, so even the default builder runs one in a container
        List<String> log = List.of("#0 building with \"default\" instance using docker-container driver", "",
                "#1 [internal] booting buildkit", "#1 pulling image moby/buildkit:buildx-stable-1 done",
                "#1 creating container buildx_buildkit_default 0.6s done",
                "#1 ERROR: Error response from daemon: no such image: docker.io/moby/buildkit:buildx-stable-1: image not known");

        assertThat(BuildFailures.noBuildKit(log)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("docker buildx has no BuildKit to build with: its builder runs BuildKit in a container from the "
                        + "moby/buildkit image, and starting it failed (ERROR: Error response from daemon: no such image: ")
                .contains("set it to engine"));
        assertThat(BuildFailures.noBuildKit(List.of("#1 [internal] load build definition from Dockerfile", "#1 DONE 0.0s")))
                .isEmpty();
    }

    @Test
    void aStepThatFailsIsNoSyntaxProblem() throws Exception {
        BuildLog log = new BuildLog("x");
        log.line("#5 [builder 2/4] RUN exit 3");
        log.line("ERROR: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3");

        assertThat(BuildFailures.message(request("heredocs"), log, BUILDKIT_0_9))
                .startsWith("Building target runtime of ").contains(" failed at step [builder 2/4] RUN exit 3. Last 2 lines");
    }
    @Test
    void aTimeoutNamesTheLastStepStarted() throws Exception {
        // BuildKit's plain progress of a build stopped while its RUN sleeps: the RUN was printed when it started, never again
        BuildLog log = new BuildLog("x");
        List.of("#1 [internal] load build definition from Dockerfile", "#1 DONE 0.0s",
                "#4 [runtime 1/2] FROM docker.io/library/busybox:stable", "#4 DONE 0.1s",
                "#5 [runtime 2/2] RUN sleep 60").forEach(log::line);

        assertThat(BuildFailures.timedOut(request("heredocs"), log, Duration.ofSeconds(10)))
                .contains(" did not finish within imageassert.build.timeout=10s; the build was stopped. The last step it "
                        + "started: [runtime 2/2] RUN sleep 60. Last 5 lines of the build log:\n  #1 [internal] load build");
    }

    @Test
    void aTimeoutBeforeTheFirstStepSaysSo() throws Exception {
        BuildLog log = new BuildLog("x");
        log.line("#1 [internal] load build definition from Dockerfile");

        assertThat(BuildFailures.timedOut(request("heredocs"), log, Duration.ofMinutes(30)))
                .contains("imageassert.build.timeout=30m; the build was stopped. It had not started a step. The build log's only line:\n  #1 [internal] load build definition from Dockerfile");
    }
}
