package io.github.imageassert.junit;

import io.github.imageassert.junit.scenarios.RunScenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs scenario classes through {@link RunScenario} in a JVM of their own, as a user's build would run them: with an
 * environment and a home directory of the test's choosing (a home without {@code ~/.testcontainers.properties} is a
 * new user's), this module's test class path, and the wall time it took.
 */
final class ScenarioJvm {

    record Outcome(String output, Duration took) {
        /** The value of each {@code REPORT key=value} line for {@code key}, in order. */
        List<String> reported(String key) {
            return output.lines().filter(l -> l.startsWith("REPORT " + key + "=")).map(l -> l.substring(("REPORT " + key + "=").length()))
                    .toList();
        }
    }

    private ScenarioJvm() {
    }

    /**
     * @param environment changes to this JVM's environment for the child: put or remove variables
     * @param config      {@code key=value} configuration parameters
     */
    static Outcome run(Path home, Consumer<Map<String, String>> environment, List<Class<?>> scenarios, String... config)
            throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dimageassert.store=" + home.resolve("layer-store"), "-cp", classPath,
                RunScenario.class.getName()));
        scenarios.forEach(s -> command.add(s.getName()));
        command.addAll(List.of(config));
        // Output goes to a file, so that a child that hangs is stopped by the wait below, not waited for by a read.
        Path log = Files.createTempFile(home, "scenario", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(Path.of("").toAbsolutePath().toFile());
        environment.accept(pb.environment());
        long start = System.nanoTime();
        Process p = pb.start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!ended) {
            throw new AssertionError("the scenario JVM did not end in 5 minutes:\n" + out);
        }
        return new Outcome(out, took);
    }
}
