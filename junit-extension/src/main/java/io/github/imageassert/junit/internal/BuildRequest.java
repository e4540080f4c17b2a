package io.github.imageassert.junit.internal;

import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.junit.BuildImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * One build, fully resolved: absolute paths, the Dockerfile's text, the target, build args and secrets. Two
 * requests with the same {@link #key()} produce the same image and are built once.
 */
record BuildRequest(Path dockerfile, String dockerfileText, Path context, String target,
                    Map<String, String> buildArgs, Map<String, Path> secrets) {

    static BuildRequest of(BuildImage annotation) {
        Path dockerfile = Path.of(annotation.dockerfile()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dockerfile)) {
            throw new ExtensionConfigurationException("@BuildImage: no Dockerfile at " + dockerfile + " (from dockerfile=\""
                    + annotation.dockerfile() + "\", resolved against the working directory " + Path.of("").toAbsolutePath()
                    + "). Fix the path, or run the tests from the folder it is relative to.");
        }
        String text;
        try {
            text = Files.readString(dockerfile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + dockerfile, e);
        }
        Path context = annotation.context().isEmpty() ? dockerfile.getParent()
                : Path.of(annotation.context()).toAbsolutePath().normalize();
        if (!Files.isDirectory(context)) {
            throw new ExtensionConfigurationException("@BuildImage: the build context " + context + " is not a directory");
        }
        List<String> stages = Dockerfiles.stages(text);
        if (stages.isEmpty()) {
            throw new ExtensionConfigurationException("@BuildImage: " + dockerfile + " has no FROM instruction: it is not a Dockerfile");
        }
        String target = annotation.target();
        if (!target.isEmpty() && stages.stream().noneMatch(s -> s.equalsIgnoreCase(target))) {
            throw new ExtensionConfigurationException("@BuildImage: " + dockerfile + " has no stage '" + target
                    + "'. Its stages are: " + String.join(", ", stages) + ".");
        }
        return new BuildRequest(dockerfile, text, context, target, pairs(annotation.buildArgs(), "buildArgs"),
                secrets(annotation.secrets()));
    }

    private static Map<String, String> pairs(String[] values, String attribute) {
        Map<String, String> out = new TreeMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException("@BuildImage(" + attribute + "): '" + v + "' is not KEY=value");
            }
            out.put(v.substring(0, eq), v.substring(eq + 1));
        }
        return out;
    }

    private static Map<String, Path> secrets(String[] values) {
        Map<String, Path> out = new TreeMap<>();
        pairs(values, "secrets").forEach((id, file) -> {
            Path path = Path.of(file).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new ExtensionConfigurationException("@BuildImage(secrets): the file for secret '" + id + "' does not exist: " + path);
            }
            out.put(id, path);
        });
        return out;
    }

    /** The last stage when no target was given. */
    String effectiveTarget() {
        if (!target.isEmpty()) {
            return target;
        }
        List<String> stages = Dockerfiles.stages(dockerfileText);
        return stages.get(stages.size() - 1);
    }

    /** Identifies the build: Dockerfile content (not its path), context, target, args and secret ids and files. */
    String key() {
        MessageDigest sha = Digests.sha256();
        List<String> parts = new ArrayList<>(List.of(dockerfileText, context.toString(), target));
        buildArgs.forEach((k, v) -> parts.add("arg:" + k + "=" + v));
        secrets.forEach((k, v) -> parts.add("secret:" + k + "=" + v));
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return Digests.hex(Digests.finish(sha)).substring(0, 16);
    }

    /** The tag the built image gets: recognisable as ours, unique per build. */
    String tag() {
        String dir = dockerfile.getParent().getFileName() == null ? "root" : dockerfile.getParent().getFileName().toString();
        String name = (dir + "-" + effectiveTarget()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return ImageExtension.TAG_REPOSITORY + "/" + name + ":" + key();
    }

    /** How messages name the build: {@code target runtime of src/test/docker/Dockerfile}. */
    String describe() {
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = dockerfile.startsWith(cwd) ? cwd.relativize(dockerfile) : dockerfile;
        return "target " + effectiveTarget() + " of " + shown;
    }
}
