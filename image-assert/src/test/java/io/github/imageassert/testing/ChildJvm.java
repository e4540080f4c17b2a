package io.github.imageassert.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the tests in a JVM of its own, with this JVM's classpath: what "the next test run" or
 * "another Surefire fork" is to the layer store.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** What the child printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
        public String line(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + output));
        }
    }

    public static Process start(Class<?> main, Map<String, String> properties, String... args) throws IOException {
        return start(List.of(), main, properties, args);
    }

    /** @param jvmOptions e.g. {@code -Xmx256m} */
    public static Process start(List<String> jvmOptions, Class<?> main, Map<String, String> properties, String... args)
            throws IOException {
        return start(jvmOptions, Map.of(), main, properties, args);
    }

    /** @param environment variables set for the child on top of this JVM's, e.g. {@code DOCKER_HOST} */
    public static Process start(List<String> jvmOptions, Map<String, String> environment, Class<?> main,
                                Map<String, String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        pb.environment().putIfAbsent("TESTCONTAINERS_RYUK_DISABLED", "true");
        pb.environment().putIfAbsent("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
        return pb.start();
    }

    public static Result run(Class<?> main, Map<String, String> properties, String... args) throws IOException, InterruptedException {
        return await(start(main, properties, args));
    }

    public static Result await(Process p) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not end in 5 minutes:\n" + out);
        }
        return new Result(p.exitValue(), out);
    }
}
