package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.BrokenBuildAScenario;
import io.github.imageassert.junit.scenarios.CopyLinkScenario;
import io.github.imageassert.junit.scenarios.HeredocScenario;
import io.github.imageassert.junit.scenarios.EngineBuilderWithSecretsScenario;
import io.github.imageassert.junit.scenarios.PodmanAppScenario;
import io.github.imageassert.junit.scenarios.PodmanFailingStepScenario;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Podman as the engine the extension builds with: its Docker-compatible API (started by scripts/podman.sh), named by
 * DOCKER_HOST in a JVM of its own, as a user of Podman names it. The docker CLI and its buildx plugin are on the
 * PATH too, as on a machine that has both. Podman's builder is Buildah, whose log has its own step lines.
 */
class PodmanBuildIT {

    static final Path SOCKET = Path.of(System.getenv().getOrDefault("IMAGE_ASSERT_PODMAN_SOCKET",
            "/var/tmp/image-assert/podman/podman.sock"));

    @TempDir
    Path home;

    /**
     * Podman's service must answer: where DOCKER_HOST does not, Testcontainers quietly takes /var/run/docker.sock, and
     * these tests would build on Docker. The scenarios build FROM busybox:stable, which Podman has once this engine's
     * copy is loaded into it.
     */
    @BeforeAll
    static void podmanWithBusybox() throws Exception {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(SOCKET))) {
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            channel.read(answer);
            assertThat(new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.0 200");
        } catch (IOException e) {
            throw new AssertionError("Podman's service does not answer on " + SOCKET + " (" + e.getMessage()
                    + "): start it with bash scripts/podman.sh", e);
        }
        run(List.of("podman", "load", "-q", "-i", TestArchives.busybox().toString()));
    }

    private ScenarioJvm.Outcome onPodman(Class<?> scenario, String... config) throws Exception {
        // The docker CLI keeps buildx's state per endpoint in its config directory: a directory of this test's own,
        // with the user's plugins, keeps a run against Podman out of the user's state.
        Path dockerConfig = Files.createDirectories(home.resolve("docker-config"));
        Path plugins = Path.of(System.getProperty("user.home"), ".docker", "cli-plugins");
        if (Files.isDirectory(plugins) && !Files.exists(dockerConfig.resolve("cli-plugins"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(dockerConfig.resolve("cli-plugins"), plugins);
        }
        return ScenarioJvm.run(home, env -> {
            env.put("DOCKER_HOST", "unix://" + SOCKET);
            env.put("DOCKER_CONFIG", dockerConfig.toString());
        }, List.of(scenario), config);
    }

    @Test
    void aFailedStepIsTheStepBuildahLogged() throws Exception {
        // GIVEN a one-stage Dockerfile whose seventh of twelve steps fails, built by Podman's own builder
        // WHEN it is built
        ScenarioJvm.Outcome run = onPodman(PodmanFailingStepScenario.class, "imageassert.builder=engine");

        // THEN the failure names that step as Buildah's log does, and the log's tail shows Buildah's own error
        assertThat(run.output()).contains("RESULT failed=1")
                .contains("FAILED PodmanFailingStepScenario: io.github.imageassert.junit.ImageBuildException: Building the last "
                        + "stage (FROM busybox:stable, line 2) of src/test/docker/podman/failing-step/Dockerfile failed at step "
                        + "STEP 7/12: RUN echo \"checking the configuration\" && test -f conf/app.conf. Last ")
                .contains("ERROR: building at STEP \"RUN echo \"checking the configuration\" && test -f conf/app.conf\"");
    }

    @Test
    void aFailedStepOfAMultiStageBuildHasBuildahsStageNumber() throws Exception {
        ScenarioJvm.Outcome run = onPodman(BrokenBuildAScenario.class, "imageassert.builder=engine");

        assertThat(run.output()).contains("FAILED BrokenBuildAScenario: io.github.imageassert.junit.ImageBuildException: Building "
                + "target broken of src/test/docker/broken/Dockerfile failed at step [2/2] STEP 2/3: RUN echo \"about to fail\" "
                + "&& exit 3. Last ");
    }

    @Test
    void autoBuildsWithPodmansOwnBuilderThoughTheCliHasBuildx() throws Exception {
        // GIVEN a docker CLI with buildx, which auto would pick on Docker
        assertThat(run(List.of("docker", "buildx", "version"))).contains("buildx");

        // WHEN the extension builds on Podman with imageassert.builder unset (auto)
        ScenarioJvm.Outcome run = onPodman(PodmanAppScenario.class);

        // THEN Podman's own builder built it, and the image is what the Dockerfile says
        assertThat(run.output()).contains("SUCCESSFUL builtByPodman()").contains("RESULT failed=0");
        assertThat(run.reported("image-assert.builder")).containsExactly("engine API (Podman's Buildah)");
    }

    @Test
    void buildxOnPodmanSaysWhyItCannotBuildAndWhatToSet() throws Exception {
        // WHEN buildx is asked for on Podman: it has no BuildKit there, and would start one from moby/buildkit
        ScenarioJvm.Outcome run = onPodman(PodmanAppScenario.class, "imageassert.builder=buildx");

        // THEN the failure says so, and what to set instead
        assertThat(run.output()).contains("RESULT failed=1")
                .contains("ImageBuildException: Building target runtime of src/test/docker/podman/app/Dockerfile failed before "
                        + "its first step: docker buildx has no BuildKit to build with: its builder runs BuildKit in a container "
                        + "from the moby/buildkit image, and starting it failed (ERROR: ")
                .contains("On Podman, whose API has no BuildKit built in, build with the engine's own builder: leave "
                        + "imageassert.builder unset (auto picks it there) or set it to engine.");
    }

    @Test
    void secretsOnPodmanSayHowToBuildWithThem() throws Exception {
        // GIVEN a build with a BuildKit secret; auto picks Podman's own builder, whose compatible API gets no secrets
        ScenarioJvm.Outcome run = onPodman(EngineBuilderWithSecretsScenario.class);

        // THEN the failure says so, and how to build it with the secret instead (not "install buildx", useless here)
        assertThat(run.output()).contains("ImageBuildException: Building target runtime of "
                        + "src/test/docker/mounts/Dockerfile needs its secrets [api_token], and the engine is Podman, whose "
                        + "Docker-compatible build API takes no secrets from the extension. Build the image with `podman build "
                        + "--secret id=<id>,src=<file>` before the tests, and read it with @LoadImage(reference = ...).")
                .doesNotContain("Install docker buildx");
    }

    @Test
    void podmansBuilderHereHasNoHeredocsAndNoCopyLink() throws Exception {
        // What docs/extension.md says of Podman 4.3's Buildah, as it answers: a heredoc is read as a file name, and
        // COPY takes --chmod, --chown and --from only
        ScenarioJvm.Outcome heredocs = onPodman(HeredocScenario.class);
        ScenarioJvm.Outcome link = onPodman(CopyLinkScenario.class);

        assertThat(heredocs.output()).contains("failed at step [1/5] STEP 3/3: COPY <<EOF /src/app.conf.")
                .contains("copier: stat: \"/<<EOF\": no such file or directory");
        assertThat(link.output()).contains("failed at step [2/2] STEP 2/2: COPY --link --from=builder /linked.txt /app/linked.txt.")
                .contains("COPY only supports the --chmod=<permissions> --chown=<uid:gid> and the --from=<image|stage> flags");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (is scripts/podman.sh's service up?): " + out);
        }
        return out;
    }
}
