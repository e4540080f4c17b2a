package io.github.imageassert.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds test images with the docker CLI (BuildKit), from a Dockerfile text and context files written to a
 * temporary directory. Base images are the local ones scripts/engine.sh provides.
 */
public final class DockerBuild {

    private DockerBuild() {
    }

    /** Builds {@code dockerfile} (target: last stage) and tags it {@code tag}; returns the tag. */
    public static String build(String tag, String dockerfile, Map<String, String> files) {
        return build(tag, dockerfile, files, null);
    }

    public static String build(String tag, String dockerfile, Map<String, String> files, String target) {
        try {
            Path context = Files.createTempDirectory("image-assert-test");
            Files.writeString(context.resolve("Dockerfile"), dockerfile);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = context.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            List<String> command = new ArrayList<>(List.of("docker", "buildx", "build", "--load", "-q", "-t", tag));
            if (target != null) {
                command.addAll(List.of("--target", target));
            }
            command.add(context.toString());
            run(command);
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code docker save IMAGE -o FILE}. */
    public static Path save(String image, Path file) {
        run(List.of("docker", "save", image, "-o", file.toString()));
        return file;
    }

    public static String run(List<String> command) {
        return run(Duration.ofMinutes(15), command);
    }

    /** Runs a command to completion; returns its output (stdout and stderr together) or throws with it. */
    public static String run(Duration timeout, List<String> command) {
        Path out = null;
        try {
            out = Files.createTempFile("command", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            p.getOutputStream().close(); // tools that prompt (e.g. for a passphrase) must fail, not wait
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout
                        + ":\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }
}
