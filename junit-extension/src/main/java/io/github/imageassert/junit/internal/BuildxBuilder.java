package io.github.imageassert.junit.internal;

import io.github.imageassert.internal.source.Engine;
import io.github.imageassert.junit.ImageBuildException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit through {@code docker buildx build --load}: what {@code RUN --mount=type=cache} and
 * {@code --mount=type=secret} need. Nothing is added to the image: no label, no extra step.
 */
final class BuildxBuilder implements ImageBuilder {

    /** How long a failed build waits to learn whether the engine is still there: it answers at once when it is. */
    static final Duration ENGINE_CHECK = Duration.ofSeconds(10);

    /** True when the docker CLI is on the PATH and has the buildx plugin. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("docker", "buildx", "version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The BuildKit that {@code docker buildx} builds with, from {@code docker buildx inspect}: {@code v0.8+unknown,
     * built into the engine} for the docker driver; null when it cannot be told.
     */
    static String buildKitVersion() {
        try {
            Process p = new ProcessBuilder("docker", "buildx", "inspect").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            Matcher version = Pattern.compile("(?im)^\\s*buildkit(?: version)?:\\s*(\\S+)").matcher(out);
            if (!version.find()) {
                return null;
            }
            boolean engines = Pattern.compile("(?im)^driver:\\s*docker\\s*$").matcher(out).find();
            return version.group(1) + (engines ? ", built into the engine" : "");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String name() {
        return "buildx";
    }

    @Override
    public String build(BuildRequest request, String tag, BuildLog log, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("docker", "buildx", "build", "--load", "--progress=plain",
                "-f", request.dockerfile().toString(), "-t", tag));
        if (!request.target().isEmpty()) {
            command.addAll(List.of("--target", request.target()));
        }
        request.buildArgs().forEach((k, v) -> command.addAll(List.of("--build-arg", k + "=" + v)));
        request.secrets().forEach((id, path) -> command.addAll(List.of("--secret", "id=" + id + ",src=" + path)));
        if (!request.platform().isEmpty()) {
            command.addAll(List.of("--platform", request.platform()));
        }
        command.add(request.context().toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ImageBuildException("Could not run `docker buildx` to build " + request.describe() + ": " + e.getMessage()
                    + ". Install the docker CLI with buildx, or set " + Settings.BUILDER + "=engine.", e);
        }
        // The output is read on its own thread, so that the wait below is bounded by the timeout, not by the build.
        Thread reader = new Thread(() -> readLines(process, log), "image-assert build output: " + tag);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                reader.join(TimeUnit.SECONDS.toMillis(10));
                throw new ImageBuildException(BuildFailures.timedOut(request, log, timeout), null);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while building " + request.describe() + "; the build was stopped.", e);
        }
        if (process.exitValue() != 0) {
            if (!Engine.answers(ENGINE_CHECK)) {
                throw new ImageBuildException(BuildFailures.engineStopped(request, log), null);
            }
            BuildFailures.builderKilled(request, log, process.exitValue()).ifPresent(killed -> {
                throw new ImageBuildException(killed, null);
            });
            throw new ImageBuildException(BuildFailures.message(request, log,
                    new BuildFailures.Builder(false, BuildxBuilder::buildKitVersion)), null);
        }
        return Engine.client().inspectImageCmd(tag).exec().getId();
    }

    private static void readLines(Process process, BuildLog log) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                log.line(line);
            }
        } catch (IOException e) {
            log.line("(build output ended: " + e.getMessage() + ")");
        }
    }

    /**
     * Kills the build and every process it started: {@code docker} runs the buildx plugin as a child, which would
     * otherwise go on building. Ending the client ends BuildKit's session, which cancels the build in the engine.
     */
    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // still reported as stopped: SIGKILL was sent, and the failure names the timeout either way
            }
        }
    }
}
