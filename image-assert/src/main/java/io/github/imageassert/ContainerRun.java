package io.github.imageassert;

import io.github.imageassert.internal.run.OneShotContainer;
import io.github.imageassert.run.CommandNotFoundException;
import io.github.imageassert.run.CommandResult;
import io.github.imageassert.run.CommandTimeoutException;
import io.github.imageassert.run.ImageNotInEngineException;
import com.github.dockerjava.api.exception.DockerException;
import io.github.imageassert.internal.index.ExecutableSearch;
import io.github.imageassert.internal.index.ImagePaths;
import io.github.imageassert.internal.source.ImageSource;
import io.github.imageassert.internal.source.Engine;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Runs one command in a fresh container from an image and reports what it did. Immutable: each {@code with..}
 * returns a copy, so one instance can serve as shared defaults.
 * <pre>{@code
 * CommandResult id = ContainerRun.of(image).withTimeout(Duration.ofSeconds(10)).run("id", "-u");
 * }</pre>
 * The container gets the image's own USER, ENV and WORKDIR; only what is set here changes.
 */
public final class ContainerRun {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final ContainerImage image;
    private final List<String> entrypoint;
    private final Map<String, String> env;
    private final Duration timeout;

    private ContainerRun(ContainerImage image, List<String> entrypoint, Map<String, String> env, Duration timeout) {
        this.image = image;
        this.entrypoint = entrypoint;
        this.env = Collections.unmodifiableMap(env);
        this.timeout = timeout;
    }

    public static ContainerRun of(ContainerImage image) {
        return new ContainerRun(Objects.requireNonNull(image, "image"), null, new LinkedHashMap<>(), DEFAULT_TIMEOUT);
    }

    /** Replaces the image's ENTRYPOINT; no argument clears it, so the command runs on its own. */
    public ContainerRun withEntrypoint(String... entrypoint) {
        return new ContainerRun(image, List.of(entrypoint), new LinkedHashMap<>(env), timeout);
    }

    /** Sets an environment variable, over the image's own value if it has one. */
    public ContainerRun withEnv(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new ContainerRun(image, entrypoint, copy, timeout);
    }

    /** How long the command may run before it is stopped (default 60 s). */
    public ContainerRun withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A timeout must be positive, got " + timeout);
        }
        return new ContainerRun(image, entrypoint, new LinkedHashMap<>(env), timeout);
    }

    public ContainerImage image() {
        return image;
    }

    /**
     * The command a container would run, as the engine composes it: the entrypoint (the image's unless replaced),
     * then {@code args}, or with no args the image's CMD (which a replaced entrypoint drops, as {@code docker run
     * --entrypoint} does).
     */
    public List<String> commandFor(String... args) {
        List<String> ep = entrypoint != null ? entrypoint : image.config().entrypoint();
        List<String> rest = args.length > 0 ? Arrays.asList(args) : entrypoint != null ? List.of() : image.config().cmd();
        return Stream.concat(ep.stream(), rest.stream()).toList();
    }

    /**
     * Runs {@code args} (after the entrypoint) in a new container, waits for it to exit and removes it.
     *
     * @throws CommandNotFoundException   the image has no such program (checked in its filesystem first)
     * @throws ImageNotInEngineException  the image was read from a file, not from the engine
     * @throws CommandTimeoutException    still running after the timeout
     */
    public CommandResult run(String... args) {
        List<String> command = commandFor(args);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("Image " + image.description() + " has no ENTRYPOINT and no CMD: name a "
                    + "command to run.");
        }
        ImageSource source = image.loaded().source();
        String engineReference = source.engineReference().orElseThrow(() -> new ImageNotInEngineException(
                image.description(), image.reference(), source.origin(), source.loadHint()));
        requireProgram(command);
        OneShotContainer.Outcome outcome;
        try {
            outcome = OneShotContainer.run(Engine.containerClient("Running " + command + " in image " + image.description()),
                    engineReference, command, env, timeout);
        } catch (DockerException e) {
            if (CommandNotFoundException.isExecNotFound(e.getMessage())) {
                throw CommandNotFoundException.reportedByEngine(image.description(), image.config(), command, e.getMessage());
            }
            throw e;
        }
        CommandResult result = new CommandResult(image.description(), command, outcome.exitCode(), outcome.stdout(),
                outcome.stderr(), optional(outcome.uid()), optional(outcome.gid()), outcome.duration());
        if (outcome.timedOut()) {
            throw new CommandTimeoutException(result.image(), result.commandLine(), timeout, result.stdout(), result.stderr());
        }
        return result;
    }

    /** Fails fast, with the image's contents as evidence, where the engine would only say "not found". */
    private void requireProgram(List<String> command) {
        String program = command.get(0);
        String path = env.containsKey("PATH") ? env.get("PATH") : image.config().envValue("PATH").orElse(null);
        List<String> dirs = ExecutableSearch.dirs(path);
        // runc resolves a relative path with a slash against the working directory, not the root
        String lookup = program.contains("/") && !program.startsWith("/")
                ? ImagePaths.child(ImagePaths.normalize(image.config().workingDir()), program) : program;
        if (ExecutableSearch.find(image.loaded().filesystem(), dirs, lookup).isEmpty()) {
            throw CommandNotFoundException.notInImage(image.description(), image.config(), command, program, String.join(":", dirs));
        }
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
