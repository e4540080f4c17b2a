package io.github.imageassert.junit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to build, for {@link ImageBuilds}: the programmatic twin of {@link BuildImage}. Immutable; each method
 * returns a new spec. Two specs with the same Dockerfile content, context, target, build args, secrets and
 * platform are the same build, also when one of them is a {@code @BuildImage}.
 * <pre>{@code
 * BuildSpec.dockerfile("src/test/docker/Dockerfile").target("runtime").buildArg("VARIANT", "slim").platform("linux/arm64")
 * }</pre>
 */
public final class BuildSpec {

    private final String dockerfile;
    private final String context;
    private final String target;
    private final Map<String, String> buildArgs;
    private final Map<String, String> secrets;
    private final String platform;
    private final String name;

    private BuildSpec(String dockerfile, String context, String target, Map<String, String> buildArgs,
                      Map<String, String> secrets, String platform, String name) {
        this.dockerfile = dockerfile;
        this.context = context;
        this.target = target;
        this.buildArgs = Map.copyOf(buildArgs);
        this.secrets = Map.copyOf(secrets);
        this.platform = platform;
        this.name = name;
    }

    /** A build of {@code path} (relative to the working directory), its folder as context, its last stage. */
    public static BuildSpec dockerfile(String path) {
        return new BuildSpec(Objects.requireNonNull(path, "path"), "", "", Map.of(), Map.of(), "", "");
    }

    /** The build context; default: the Dockerfile's folder. */
    public BuildSpec context(String dir) {
        return new BuildSpec(dockerfile, Objects.requireNonNull(dir, "dir"), target, buildArgs, secrets, platform, name);
    }

    /** The stage to build ({@code --target}); default: the last stage. */
    public BuildSpec target(String stage) {
        return new BuildSpec(dockerfile, context, Objects.requireNonNull(stage, "stage"), buildArgs, secrets, platform, name);
    }

    public BuildSpec buildArg(String key, String value) {
        Map<String, String> args = new TreeMap<>(buildArgs);
        args.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new BuildSpec(dockerfile, context, target, args, secrets, platform, name);
    }

    public BuildSpec buildArgs(Map<String, String> more) {
        Map<String, String> args = new TreeMap<>(buildArgs);
        args.putAll(more);
        return new BuildSpec(dockerfile, context, target, args, secrets, platform, name);
    }

    /** A BuildKit secret ({@code RUN --mount=type=secret,id=...}) from a file; needs buildx. */
    public BuildSpec secret(String id, String file) {
        Map<String, String> all = new TreeMap<>(secrets);
        all.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(file, "file"));
        return new BuildSpec(dockerfile, context, target, buildArgs, all, platform, name);
    }

    /** {@code os/arch[/variant]}, e.g. {@code linux/arm64}; default: the engine's own. */
    public BuildSpec platform(String osArch) {
        return new BuildSpec(dockerfile, context, target, buildArgs, secrets, Objects.requireNonNull(osArch, "osArch"), name);
    }

    /** How failure messages and the log name this build, e.g. a preset's name; not part of what is built. */
    public BuildSpec named(String displayName) {
        return new BuildSpec(dockerfile, context, target, buildArgs, secrets, platform, Objects.requireNonNull(displayName, "displayName"));
    }

    /** The spec a preset's build args and platform make of this one. */
    public BuildSpec with(Preset preset) {
        BuildSpec spec = buildArgs(preset.buildArgs()).named("preset " + preset.name());
        return preset.platform().isEmpty() ? spec : spec.platform(preset.platform());
    }

    public String dockerfile() {
        return dockerfile;
    }

    public String context() {
        return context;
    }

    public String target() {
        return target;
    }

    public Map<String, String> buildArgs() {
        return buildArgs;
    }

    public Map<String, String> secrets() {
        return secrets;
    }

    public String platform() {
        return platform;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "" : name + ": ") + dockerfile + (target.isEmpty() ? "" : " target " + target)
                + (buildArgs.isEmpty() ? "" : " " + new TreeMap<>(buildArgs)) + (platform.isEmpty() ? "" : " for " + platform);
    }
}
