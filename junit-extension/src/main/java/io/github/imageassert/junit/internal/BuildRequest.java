package io.github.imageassert.junit.internal;

import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.dockerfile.Dockerfile;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.junit.BuildSpec;
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
                    Map<String, String> buildArgs, Map<String, Path> secrets, String platform, String name) {

    /** A request for the engine's own platform, not named: what an annotation without those makes. */
    BuildRequest(Path dockerfile, String dockerfileText, Path context, String target, Map<String, String> buildArgs,
                 Map<String, Path> secrets) {
        this(dockerfile, dockerfileText, context, target, buildArgs, secrets, "", "");
    }

    static BuildRequest of(BuildImage annotation) {
        return of(annotation.dockerfile(), annotation.context(), annotation.target(), pairs(annotation.buildArgs(), "buildArgs"),
                pairs(annotation.secrets(), "secrets"), annotation.platform(), "", "@BuildImage");
    }

    static BuildRequest of(BuildSpec spec) {
        return of(spec.dockerfile(), spec.context(), spec.target(), new TreeMap<>(spec.buildArgs()),
                new TreeMap<>(spec.secrets()), spec.platform(), spec.name(), "BuildSpec");
    }

    private static BuildRequest of(String dockerfileName, String contextName, String target, Map<String, String> buildArgs,
                                   Map<String, String> secretFiles, String platform, String name, String origin) {
        Path dockerfile = Path.of(dockerfileName).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dockerfile)) {
            throw new ExtensionConfigurationException(origin + ": no Dockerfile at " + dockerfile + " (from dockerfile=\""
                    + dockerfileName + "\", resolved against the working directory " + Path.of("").toAbsolutePath()
                    + "). Fix the path, or run the tests from the folder it is relative to.");
        }
        String text;
        try {
            text = Dockerfile.read(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException(origin + ": could not read the Dockerfile " + dockerfile + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        Path context = contextName.isEmpty() ? dockerfile.getParent() : Path.of(contextName).toAbsolutePath().normalize();
        if (!Files.isDirectory(context)) {
            throw new ExtensionConfigurationException(origin + ": the build context " + context + " is not a directory");
        }
        Dockerfile parsed = Dockerfile.parse(text);
        if (parsed.stages().isEmpty()) {
            throw new ExtensionConfigurationException(origin + ": " + dockerfile + " has no FROM instruction: it is not a Dockerfile");
        }
        if (!target.isEmpty() && parsed.stage(target).isEmpty()) {
            throw new ExtensionConfigurationException(unknownTarget(dockerfile, target, parsed));
        }
        if (!platform.isEmpty()) {
            try {
                Platform.parse(platform);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(origin + "(platform): " + e.getMessage(), e);
            }
        }
        return new BuildRequest(dockerfile, text, context, target, buildArgs, secrets(secretFiles), platform, name);
    }

    /** Names what there is: a target is a stage's {@code AS} name; an unnamed stage cannot be one, nor a number. */
    static String unknownTarget(Path dockerfile, String target, Dockerfile parsed) {
        List<String> names = parsed.stageNames();
        List<Dockerfile.Stage> unnamed = parsed.unnamedStages();
        StringBuilder message = new StringBuilder("@BuildImage: " + dockerfile + " has no stage '" + target + "'.");
        if (target.chars().allMatch(Character::isDigit)) {
            message.append(" A target is a stage's name (FROM <image> AS <name>), not its number.");
        }
        if (names.isEmpty()) {
            message.append(unnamed.size() == 1 ? " Its one stage has no name: leave target empty to build it."
                    : " None of its " + unnamed.size() + " stages has a name, so only the last can be built: leave target empty, "
                    + "or name the stage you want (FROM <image> AS <name>).");
            return message.toString();
        }
        message.append(" Its stages are: ").append(String.join(", ", names)).append('.');
        if (!unnamed.isEmpty()) {
            message.append(unnamed.size() == 1 ? " One more stage has no name and cannot be a target: " : " " + unnamed.size()
                    + " more stages have no name and cannot be targets: ").append(unnamed.stream()
                    .map(s -> "FROM " + s.base() + " (line " + s.from().line() + ")").collect(java.util.stream.Collectors.joining(", ")))
                    .append(unnamed.contains(parsed.last()) ? "; leave target empty to build the last one." : ".");
        }
        return message.toString();
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

    private static Map<String, Path> secrets(Map<String, String> files) {
        Map<String, Path> out = new TreeMap<>();
        files.forEach((id, file) -> {
            Path path = Path.of(file).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new ExtensionConfigurationException("@BuildImage(secrets): the file for secret '" + id + "' does not exist: " + path);
            }
            out.put(id, path);
        });
        return out;
    }

    Dockerfile parsed() {
        return Dockerfile.parse(dockerfileText);
    }

    /** The stage built: the target, or the last stage when no target was given. */
    Dockerfile.Stage stage() {
        Dockerfile parsed = parsed();
        return target.isEmpty() ? parsed.last() : parsed.stage(target).orElseThrow();
    }

    /** Identifies the build: Dockerfile content (not its path), context, target, args and secret ids and files. */
    String key() {
        MessageDigest sha = Digests.sha256();
        List<String> parts = new ArrayList<>(List.of(dockerfileText, context.toString(), target));
        buildArgs.forEach((k, v) -> parts.add("arg:" + k + "=" + v));
        secrets.forEach((k, v) -> parts.add("secret:" + k + "=" + v));
        if (!platform.isEmpty()) {
            parts.add("platform:" + platform); // absent for the engine's own platform, so older keys stay the same
        }
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return Digests.hex(Digests.finish(sha)).substring(0, 16);
    }

    /** The tag the built image gets: recognisable as ours, unique per build. */
    String tag() {
        String dir = dockerfile.getParent().getFileName() == null ? "root" : dockerfile.getParent().getFileName().toString();
        Dockerfile.Stage stage = stage();
        // An unnamed last stage is what `docker build -t <dir> .` makes: the image the Dockerfile is for.
        String name = (stage.named() ? dir + "-" + stage.name() : dir).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return ImageExtension.TAG_REPOSITORY + "/" + name + ":" + key();
    }

    /**
     * How messages name the build: {@code target runtime of src/test/docker/Dockerfile}, or, for an unnamed last
     * stage, {@code the last stage (FROM scratch, line 12) of src/test/docker/Dockerfile}.
     */
    String describe() {
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = dockerfile.startsWith(cwd) ? cwd.relativize(dockerfile) : dockerfile;
        Dockerfile.Stage stage = stage();
        return (name.isEmpty() ? "" : name + ": ")
                + (stage.named() ? "target " + stage.name() : "the last stage (FROM " + stage.base() + ", line " + stage.from().line() + ")")
                + " of " + shown + (buildArgs.isEmpty() || name.isEmpty() ? "" : " " + buildArgs)
                + (platform.isEmpty() ? "" : " for " + platform);
    }
}
