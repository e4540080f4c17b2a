package io.github.imageassert.testing.registry;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Process, port and temp-dir plumbing shared by the registry test support; a hung tool must fail a test, not hang it. */
final class Tools {

    private Tools() {
    }

    /** The tool's path; fails naming the Debian package, since a missing tool is a machine-setup problem, not a bug. */
    static String require(String tool, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : (path + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(tool + " is not installed (looked on PATH and in /usr/bin); "
                + "install Debian's " + debianPackage + " package (apt-get install " + debianPackage + ")");
    }

    /** Runs a command to completion; returns its output (stdout and stderr together) or throws with it. */
    static String run(Duration timeout, List<String> command) {
        return io.github.imageassert.testing.DockerBuild.run(timeout, command);
    }

    static String run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    /**
     * A loopback port that was free a moment ago. Another process may take it before the caller binds it;
     * callers that start a child process retry on "address already in use".
     */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp dir must not fail the test that owned it.
        }
    }

    /** The last {@code n} lines of a file, for exception messages. */
    static String tail(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
