package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.BrokenBuildAScenario;
import io.github.imageassert.junit.scenarios.PodmanFailingStepScenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** The scenarios build FROM busybox:stable, which Podman has once this engine's copy is loaded into it. */
    @BeforeAll
    static void busyboxInPodman() throws Exception {
        run(List.of("podman", "load", "-q", "-i", TestArchives.busybox().toString()));
    }

    private ScenarioJvm.Outcome onPodman(Class<?> scenario, String... config) throws Exception {
        // The docker CLI keeps buildx's state per endpoint in its config directory: a directory of this test's own,
        // with the user's plugins, keeps a run against Podman out of the user's state.
        Path dockerConfig = Files.createDirectories(home.resolve("docker-config"));
        Path plugins = Path.of(System.getProperty("user.home"), ".docker", "cli-plugins");
        if (Files.isDirectory(plugins)) {
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

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (is scripts/podman.sh's service up?): " + out);
        }
        return out;
    }
}
