package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.ProgressScenario;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project without an SLF4J provider (no logging set up, the first run of a new user) sees the build's progress:
 * a real build in a JVM whose class path is this module's test class path minus slf4j-simple.
 */
class NoSlf4jProviderIT {

    @TempDir
    Path dir;

    @Test
    void theBuildsProgressIsOnStandardError() throws Exception {
        String classPath = Stream.of(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).contains("slf4j-api").doesNotContain("slf4j-simple");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath));
        if (System.getProperty("imageassert.store") != null) {
            command.add("-Dimageassert.store=" + System.getProperty("imageassert.store"));
        }
        command.add(ProgressScenario.class.getName());
        Path stderr = dir.resolve("stderr.txt");
        Path stdout = dir.resolve("stdout.txt");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(stdout.toFile()).start();

        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("stdout:%n%s%nstderr:%n%s", Files.readString(stdout), err).isZero();
        assertThat(err).contains("No SLF4J providers were found")
                .contains("[image-assert] SLF4J has no provider, so build progress is written here.")
                .contains("[image-assert] Building target runtime of src/test/docker/written/bom/Dockerfile with ")
                .contains("[image-assert] [target runtime of src/test/docker/written/bom/Dockerfile] #1 [internal] load build definition from Dockerfile")
                .containsPattern("\\[image-assert\\] Built target runtime of src/test/docker/written/bom/Dockerfile in [0-9]+ s: sha256:");
    }
}
