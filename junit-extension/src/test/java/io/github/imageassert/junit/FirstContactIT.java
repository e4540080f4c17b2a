package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.FirstBuildScenario;
import io.github.imageassert.junit.scenarios.FirstCommandScenario;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first run on a machine where no registry is reachable, without Testcontainers' variables
 * (TESTCONTAINERS_RYUK_DISABLED, TESTCONTAINERS_HOST_OVERRIDE) and without ~/.testcontainers.properties. Before, the
 * first build waited 414 s here (Testcontainers retrying the pull of its reaper image, three times) and then read
 * that no engine answered. Now a build needs none of Testcontainers' images, and a command run, which starts a
 * container through Testcontainers, fails within seconds naming the image and what to set.
 */
class FirstContactIT {

    /** What the issue asks of a first run: pass, or fail saying why, within this. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path home;

    /** This JVM's environment without any of Testcontainers' variables, plus {@code extra}. */
    private static Consumer<Map<String, String>> withoutTestcontainersVariables(Map<String, String> extra) {
        return env -> {
            env.keySet().removeIf(name -> name.startsWith("TESTCONTAINERS_"));
            env.putAll(extra);
        };
    }

    @Test
    void theFirstBuildPassesWithoutTestcontainersVariables() throws Exception {
        // GIVEN a new user's machine: no Testcontainers variables, no ~/.testcontainers.properties
        // WHEN their first test builds a target and asserts on it
        ScenarioJvm.Outcome run = ScenarioJvm.run(home, withoutTestcontainersVariables(Map.of()), List.of(FirstBuildScenario.class));

        // THEN it passes, in seconds: no image of Testcontainers' is needed for a build
        assertThat(run.output()).contains("SUCCESSFUL runtimeIsLean()").contains("RESULT failed=0");
        assertThat(run.took()).as(run.output()).isLessThan(BOUND);
        assertThat(run.output()).doesNotContain("Pulling docker image");
    }

    @Test
    void theFirstCommandPassesOrFailsFastSayingWhatToSet() throws Exception {
        // GIVEN the same machine, as it is: here no registry is reachable
        // WHEN the first test runs a command in an image, which starts a container
        ScenarioJvm.Outcome run = ScenarioJvm.run(home, withoutTestcontainersVariables(Map.of()), List.of(FirstCommandScenario.class));

        // THEN it passes where Testcontainers can have its reaper, or fails naming the reaper's image, the engine's
        // error and each way out; either within the bound
        assertThat(run.took()).as(run.output()).isLessThan(BOUND);
        if (!run.output().contains("SUCCESSFUL echoes()")) {
            assertThat(run.output()).contains("FAILED echoes(): io.github.imageassert.image.TestcontainersSetupException: Running "
                            + "[echo, hello] in image busybox:stable starts a container through Testcontainers. Testcontainers "
                            + "first starts its reaper")
                    .containsPattern("from the image testcontainers/ryuk:[0-9.]+\\. The engine at unix:///var/run/docker.sock "
                            + "does not have that image and could not pull it: ")
                    .contains("set TESTCONTAINERS_RYUK_DISABLED=true for the test JVM")
                    .contains("hub.image.name.prefix=<mirror>/ in ~/.testcontainers.properties")
                    .contains("TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX=<mirror>/");
            if (Files.exists(Path.of("/.dockerenv"))) {
                assertThat(run.output()).contains("This JVM runs in a container (/.dockerenv): with the reaper, also set "
                        + "TESTCONTAINERS_HOST_OVERRIDE");
            }
        }
    }

    @Test
    void aMirrorThatDoesNotAnswerIsNamedAsUnreachable() throws Exception {
        // GIVEN Testcontainers' images taken from a mirror where nothing listens
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String prefix = "127.0.0.1:" + closed + "/";

        // WHEN a command runs
        ScenarioJvm.Outcome run = ScenarioJvm.run(home, withoutTestcontainersVariables(
                Map.of("TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX", prefix)), List.of(FirstCommandScenario.class));

        // THEN the failure names the mirror's image and that no registry answered, within the bound
        assertThat(run.took()).as(run.output()).isLessThan(BOUND);
        assertThat(run.output()).contains("FAILED echoes(): io.github.imageassert.image.TestcontainersSetupException")
                .containsPattern("from the image " + prefix.replace(".", "\\.") + "testcontainers/ryuk:[0-9.]+\\. ")
                .contains("The engine reaches no registry the image can come from, so Testcontainers would retry that pull "
                        + "for minutes and then report no working Docker environment.")
                .contains("set TESTCONTAINERS_RYUK_DISABLED=true");
    }

    @Test
    void aMirrorWithoutTheImageIsNamedAsSuch() throws Exception {
        // GIVEN Testcontainers' images taken from a registry that answers but has no reaper image
        String prefix = TestArchives.REGISTRY + "/image-assert-empty-mirror/";

        ScenarioJvm.Outcome run = ScenarioJvm.run(home, withoutTestcontainersVariables(
                Map.of("TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX", prefix)), List.of(FirstCommandScenario.class));

        assertThat(run.took()).as(run.output()).isLessThan(BOUND);
        assertThat(run.output()).contains("FAILED echoes(): io.github.imageassert.image.TestcontainersSetupException")
                .containsPattern("from the image " + prefix.replace(".", "\\.") + "testcontainers/ryuk:[0-9.]+\\. ")
                .contains("The registry does not have that image, so Testcontainers' own pull would fail as well.");
    }
}
