package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.EngineDownScenario;
import io.github.imageassert.junit.scenarios.LoadArchiveByPropertyScenario;
import io.github.imageassert.junit.scenarios.LoadRegistryScenario;
import io.github.imageassert.junit.scenarios.RunScenario;
import io.github.imageassert.junit.scenarios.SomeTestsNeedAnEngineScenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that does not answer. The engine of this run is up, so the scenarios run in a second JVM whose
 * DOCKER_HOST names a socket where nothing listens, inside a private mount namespace where /var/run is empty:
 * Testcontainers falls back to /var/run/docker.sock when DOCKER_HOST does not answer, so it must be hidden.
 * That needs root and util-linux's unshare (CI has both); elsewhere the test is skipped and says why.
 */
class EngineDownIT {

    @TempDir
    Path home;

    /** Runs the scenario classes without an engine; {@code config} are {@code key=value} configuration parameters. */
    private String runWithoutEngine(List<Class<?>> scenarios, String... config) throws IOException, InterruptedException {
        Path socket = home.resolve("no-engine.sock");
        Files.writeString(home.resolve(".testcontainers.properties"),
                "docker.client.strategy=org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy\n"
                        + "docker.host=unix://" + socket + "\n");
        List<String> command = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs none /var/run && exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), RunScenario.class.getName()));
        scenarios.forEach(s -> command.add(s.getName()));
        command.addAll(List.of(config));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().put("DOCKER_HOST", "unix://" + socket);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return out;
    }

    @BeforeEach
    void needsAPrivateMountNamespace() throws Exception {
        Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "true").redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0,
                "hiding /var/run/docker.sock needs root and unshare");
    }

    @Test
    void anEngineThatIsDownIsAFailureThatSaysHowToFixIt() throws Exception {
        String out = runWithoutEngine(List.of(EngineDownScenario.class));

        assertThat(out).contains("RESULT failed=1")
                .contains("FAILED EngineDownScenario: org.junit.jupiter.api.extension.ExtensionConfigurationException: "
                        + "No container engine answered")
                .contains("scripts/engine.sh")
                .contains("EngineDownScenario needs one for @BuildImage field image.")
                .contains("To skip such tests instead, set imageassert.disabledWithoutDocker=true.");
    }

    @Test
    void withTheOptInTheTestsAreDisabledInstead() throws Exception {
        String out = runWithoutEngine(List.of(EngineDownScenario.class), "imageassert.disabledWithoutDocker=true");

        assertThat(out).contains("RESULT failed=0 skipped=1 aborted=0")
                .contains("SKIPPED EngineDownScenario: No container engine answered, and imageassert.disabledWithoutDocker=true: "
                        + "EngineDownScenario needs one for @BuildImage field image");
    }

    @Test
    void withTheOptInTestsNeedingNoEngineStillRun() throws Exception {
        // GIVEN a class where one test reads an archive and two need an engine
        String archive = "scenario.archive=" + TestArchives.busybox();

        // WHEN it runs without an engine, opted in
        String out = runWithoutEngine(List.of(SomeTestsNeedAnEngineScenario.class), archive, "imageassert.disabledWithoutDocker=true");

        // THEN the archive's test passes and the two others are disabled, each saying why
        assertThat(out).contains("SUCCESSFUL readsTheArchive()")
                .contains("SKIPPED buildsAnImage(ContainerImage): No container engine answered, and "
                        + "imageassert.disabledWithoutDocker=true: buildsAnImage needs one for @BuildImage parameter #1")
                .contains("SKIPPED loadsAReference(ContainerImage): No container engine answered, and "
                        + "imageassert.disabledWithoutDocker=true: loadsAReference needs one for @LoadImage(reference) parameter #1")
                .contains("RESULT failed=0 skipped=2 aborted=0");
    }

    @Test
    void withoutTheOptInOnlyTheTestsNeedingAnEngineFail() throws Exception {
        String archive = "scenario.archive=" + TestArchives.busybox();

        String out = runWithoutEngine(List.of(SomeTestsNeedAnEngineScenario.class), archive);

        assertThat(out).contains("SUCCESSFUL readsTheArchive()")
                .contains("FAILED buildsAnImage(ContainerImage): org.junit.jupiter.api.extension.ExtensionConfigurationException: "
                        + "No container engine answered")
                .contains("FAILED loadsAReference(ContainerImage): org.junit.jupiter.api.extension.ExtensionConfigurationException: "
                        + "No container engine answered")
                .contains("RESULT failed=2 skipped=0 aborted=0");
    }

    @Test
    void anArchiveNeedsNoEngine() throws Exception {
        // GIVEN a docker save archive (written while this JVM's engine is up)
        Path archive = TestArchives.busybox();

        // WHEN a test loads it with @LoadImage(archive = ...) where no engine answers
        String out = runWithoutEngine(List.of(LoadArchiveByPropertyScenario.class), "scenario.archive=" + archive);

        // THEN it runs and passes
        assertThat(out).contains("SUCCESSFUL theArchiveIsRead()").contains("RESULT failed=0");
    }

    @Test
    void aRegistryImageNeedsNoEngine() throws Exception {
        // GIVEN busybox pushed to a registry (while this JVM's engine is up)
        String pushed = TestArchives.pushedBusybox();

        // WHEN a test loads it with @LoadImage(registry = ...) where no engine answers
        String out = runWithoutEngine(List.of(LoadRegistryScenario.class), "scenario.registry=" + pushed);

        // THEN it runs and passes
        assertThat(out).contains("SUCCESSFUL theRegistryImageIsRead(ContainerImage)").contains("RESULT failed=0");
    }
}
