package io.github.imageassert.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The private engine of the engine-fault tests ({@code scripts/fault-engine.sh}): a second dockerd with its own socket,
 * data and pid file, which these tests kill, stop and resume. The engine everything else shares is never touched:
 * every signal goes to the pid this engine's own pid file names.
 */
public final class FaultEngine {

    private static final Path SCRIPT = findScript();

    private FaultEngine() {
    }

    /** Starts the engine when it is not up (the script is idempotent) and gives it the base images. */
    public static void start() {
        script(Duration.ofMinutes(3));
    }

    /** Stops it and its containerd, leaving its data for the next start. */
    public static void stop() {
        script(Duration.ofMinutes(2), "--stop");
    }

    /** The value of DOCKER_HOST that reaches it (the script's {@code --socket} says the same). */
    public static String dockerHost() {
        return "unix://" + stateDir().resolve("docker.sock");
    }

    /** The running dockerd, by its pid file. */
    public static ProcessHandle dockerd() {
        Path pidFile = stateDir().resolve("docker.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .orElseThrow(() -> new IllegalStateException("the private dockerd (" + pid + ", " + pidFile + ") is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file of the private dockerd at " + pidFile, e);
        }
    }

    /** SIGKILL to the private dockerd, sent from this JVM at once (no shell in between), and waits for it to end. */
    public static void kill() {
        ProcessHandle dockerd = dockerd();
        dockerd.destroyForcibly();
        dockerd.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** SIGTERM, as {@code systemctl stop docker} sends it: the engine shuts down in order. Waits for it to end. */
    public static void terminate() {
        ProcessHandle dockerd = dockerd();
        signal("TERM");
        dockerd.onExit().orTimeout(90, TimeUnit.SECONDS).join();
    }

    /** SIGSTOP: the engine stays, its connections stay open, and it sends nothing more until {@link #resume()}. */
    public static void pause() {
        signal("STOP");
    }

    public static void resume() {
        signal("CONT");
    }

    private static void signal(String name) {
        long pid = dockerd().pid();
        DockerBuild.run(Duration.ofSeconds(30), List.of("kill", "-s", name, String.valueOf(pid)));
    }

    /** The docker CLI against the private engine. */
    public static String docker(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", dockerHost()));
        command.addAll(List.of(args));
        return DockerBuild.run(timeout, command);
    }

    /** Containers of the private engine, running or not: {@code ID IMAGE STATUS} lines. */
    public static List<String> containers() {
        return docker(Duration.ofSeconds(60), "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Image}} {{.Status}}")
                .lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Builds {@code context} (with its Dockerfile) in the private engine with the classic builder, which needs no
     * network for COPY and is quick for large files; returns the tag.
     */
    public static String build(String tag, Path context) {
        List<String> command = List.of("docker", "-H", dockerHost(), "build", "-q", "-t", tag, context.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DOCKER_BUILDKIT", "0");
        try {
            Path out = Files.createTempFile("fault-engine-build", ".log");
            Process p = pb.redirectOutput(out.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(out));
            }
            Files.delete(out);
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes an image from the private engine, if it is there. */
    public static void removeImage(String tag) {
        try {
            docker(Duration.ofMinutes(2), "rmi", "-f", tag);
        } catch (IllegalStateException e) {
            // already gone, or the engine is down: nothing to remove
        }
    }

    /**
     * A process anywhere on the machine whose command line contains {@code text}: e.g. a RUN step's marked shell.
     * Read from /proc, as ProcessHandle.Info gives nothing for a process in another mount namespace (a container's).
     */
    public static Optional<ProcessHandle> processWith(String text) {
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> commandLine(p).contains(text))
                    .map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                    .flatMap(Optional::stream).filter(ProcessHandle::isAlive).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process' command line, its arguments joined by spaces; empty once it ended. */
    public static String commandLine(ProcessHandle process) {
        return commandLine(Path.of("/proc", String.valueOf(process.pid())));
    }

    private static String commandLine(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // ended meanwhile
        }
    }

    public static Path stateDir() {
        String dir = System.getenv("IMAGE_ASSERT_FAULT_ENGINE_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String state = System.getenv("IMAGE_ASSERT_STATE_DIR");
        return Path.of(state != null && !state.isBlank() ? state : "/var/tmp/image-assert").resolve("fault-engine");
    }

    private static String script(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        return DockerBuild.run(timeout, command);
    }

    /** scripts/fault-engine.sh of this checkout, from the module directory Surefire runs in. */
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/fault-engine.sh");
            if (Files.isRegularFile(script) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return script;
            }
        }
        throw new IllegalStateException("scripts/fault-engine.sh not found above " + Path.of("").toAbsolutePath());
    }
}
