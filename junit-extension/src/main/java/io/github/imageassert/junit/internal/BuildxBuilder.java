package io.github.imageassert.junit.internal;

import io.github.imageassert.junit.ImageBuildException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * BuildKit through {@code docker buildx build --load}: what {@code RUN --mount=type=cache} and
 * {@code --mount=type=secret} need. Nothing is added to the image: no label, no extra step.
 */
final class BuildxBuilder implements ImageBuilder {

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
        command.add(request.context().toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.line(line);
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ImageBuildException("Building " + request.describe() + " failed at step (timed out after " + timeout + "). "
                        + log.tailForMessage(), null);
            }
            if (process.exitValue() != 0) {
                throw new ImageBuildException("Building " + request.describe() + " failed at step " + log.failingStep() + ". "
                        + log.tailForMessage(), null);
            }
            return io.github.imageassert.internal.source.Engine.client().inspectImageCmd(tag).exec().getId();
        } catch (IOException e) {
            throw new ImageBuildException("Could not run `docker buildx` to build " + request.describe() + ": " + e.getMessage()
                    + ". Install the docker CLI with buildx, or set " + Settings.BUILDER + "=engine.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while building " + request.describe(), e);
        }
    }
}
