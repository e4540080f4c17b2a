package io.github.imageassert.junit.internal;

import io.github.imageassert.internal.dockerfile.Dockerfile;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message of a failed build: the step that failed and the end of the log, and, when the builder could not
 * read the Dockerfile because its syntax is newer than the builder (a heredoc read as instructions:
 * {@code unknown instruction: EXEC}; {@code COPY --link}: {@code Unknown flag: link}; {@code RUN --mount} on the
 * classic builder), which syntax, where, and what to upgrade.
 */
final class BuildFailures {

    /**
     * BuildKit 0.8 and the classic builder: {@code line 3:}; later BuildKit: {@code on line 3:}. The engine API
     * reports it inside JSON ({@code {"message":"dockerfile parse error ..."}}), hence no quote in the error.
     */
    private static final Pattern PARSE_ERROR = Pattern.compile("dockerfile parse error (?:on )?line (\\d+): ([^\"]+?)\\s*(?:\"|$)");
    private static final Pattern UNKNOWN_INSTRUCTION = Pattern.compile("(?i)unknown instruction: ?(\\S*)");
    private static final Pattern UNKNOWN_FLAG = Pattern.compile("(?i)unknown flag: ?([\\w-]+)");
    /** buildx starting its BuildKit container: {@code #1 [internal] booting buildkit}. */
    private static final Pattern BOOTING_BUILDKIT = Pattern.compile("^#\\d+ \\[internal\\] booting buildkit");
    private static final String MOUNT_NEEDS_BUILDKIT = "the --mount option requires BuildKit";

    /** Dockerfile syntax 1.4 came with BuildKit 0.10, the engine's own builder from Docker Engine 23.0. */
    private static final String SYNTAX_1_4 = "Dockerfile syntax 1.4: BuildKit 0.10 and later has it, and so does the BuildKit "
            + "built into Docker Engine 23.0 and later";

    private BuildFailures() {
    }

    /** Which builder failed: its name for messages, and a way to ask its version only when a message needs it. */
    record Builder(boolean classic, Supplier<String> version) {
    }

    static String message(BuildRequest request, BuildLog log, Builder builder) {
        Optional<String> noBuildKit = builder.classic() ? Optional.empty() : noBuildKit(log.allKept());
        if (noBuildKit.isPresent()) {
            return "Building " + request.describe() + " failed before its first step: " + noBuildKit.get() + " " + log.tailForMessage();
        }
        return tooOld(request, log.allKept(), builder)
                .map(why -> "Building " + request.describe() + " failed: " + why + " " + log.tailForMessage())
                .orElseGet(() -> "Building " + request.describe() + " failed at step " + log.failingStep() + ". " + log.tailForMessage());
    }

    /**
     * A build stopped for its timeout. The last step started is named because a timeout's log rarely says which step
     * hung: BuildKit prints a step when it starts and again only when it ends. In a multi-stage build BuildKit runs
     * independent steps at once, so that step is where to look first, not always the only one running.
     */
    static String timedOut(BuildRequest request, BuildLog log, Duration timeout) {
        List<String> steps = log.steps();
        String step = steps.isEmpty() ? "It had not started a step." : "The last step it started: " + steps.get(steps.size() - 1) + ".";
        return "Building " + request.describe() + " did not finish within " + Settings.TIMEOUT + "=" + Settings.format(timeout)
                + "; the build was stopped. " + step + " " + log.tailForMessage();
    }

    /** The classic builder's {@code  ---> Running in 0123456789ab}: the container a step runs in. */
    private static final Pattern RUNNING_IN = Pattern.compile("-+> Running in ([0-9a-f]{12,64})\\s*$");

    /**
     * The engine went away during the build (stopped, crashed or restarted): whatever the builder said about it
     * ({@code error reading from server: EOF}, {@code unexpected EOF}) is not the step's failure. A classic build's
     * step container is not removed then, as the engine removes it only when the build ends normally; the message names
     * it so it can be removed once the engine is back.
     */
    static String engineStopped(BuildRequest request, BuildLog log) {
        List<String> lines = log.allKept();
        String container = null;
        for (String line : lines) {
            Matcher running = RUNNING_IN.matcher(line);
            if (running.find()) {
                container = running.group(1);
            }
        }
        return "Building " + request.describe() + " stopped at step " + log.failingStep() + ": the engine stopped answering "
                + "during the build (it was stopped, crashed or restarted), and the builder gave up. Check the engine "
                + "(`docker info`, its log) and run the tests again."
                + (container == null ? "" : " The step ran in container " + container + "; an engine that crashed keeps it, "
                + "stopped: once the engine is back, `docker rm -f " + container + "` removes it.")
                + " " + log.tailForMessage();
    }

    /**
     * {@code docker buildx} ended in failure without reporting an error (it prints {@code ERROR: ...} for every failure
     * of the build it can see): it was killed, by a signal or for want of memory, or it crashed.
     */
    static Optional<String> builderKilled(BuildRequest request, BuildLog log, int exitCode) {
        // a signal: 128 + its number; the docker CLI exits with 255 when its buildx plugin died of one
        boolean signalled = exitCode > 128;
        if (!signalled || log.allKept().stream().anyMatch(l -> l.startsWith("ERROR") || l.contains(" ERROR: "))) {
            return Optional.empty();
        }
        return Optional.of("Building " + request.describe() + " stopped at step " + log.failingStep() + ": `docker buildx` "
                + "ended with exit code " + exitCode + " without reporting an error, so it was killed (by a signal, or "
                + "for want of memory) or crashed; the engine cancels a build whose client is gone. Run the tests again; if "
                + "it recurs, look for what ends the process (`dmesg` shows the out-of-memory killer). " + log.tailForMessage());
    }

    /**
     * buildx could not start the BuildKit it builds with: its builder uses the docker-container driver (on an engine
     * with no BuildKit of its own, such as Podman, even the default builder does), which runs BuildKit in a container
     * from the moby/buildkit image, and the engine could not have or start that container.
     */
    static Optional<String> noBuildKit(List<String> lines) {
        Optional<String> booting = lines.stream().filter(l -> BOOTING_BUILDKIT.matcher(l).find()).findFirst();
        if (booting.isEmpty()) {
            return Optional.empty();
        }
        String step = booting.get().substring(0, booting.get().indexOf(' ') + 1);
        Optional<String> error = lines.stream().filter(l -> l.startsWith(step + "ERROR")).findFirst();
        return error.map(e -> "docker buildx has no BuildKit to build with: its builder runs BuildKit in a container "
                + "from the moby/buildkit image, and starting it failed (" + e.substring(step.length()).strip() + "). On Podman, "
                + "whose API has no BuildKit built in, build with the engine's own builder: leave " + Settings.BUILDER
                + " unset (auto picks it there) or set it to engine. Elsewhere, switch buildx to the engine's BuildKit "
                + "(`docker buildx use default`), or give the engine the moby/buildkit image.");
    }

    /** Why the builder could not read this Dockerfile, when its syntax is newer than the builder. */
    static Optional<String> tooOld(BuildRequest request, List<String> lines, Builder builder) {
        Dockerfile parsed = request.parsed();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.contains(MOUNT_NEEDS_BUILDKIT) && builder.classic()) {
                return Optional.of("RUN --mount needs BuildKit, and " + classicBuilder() + " " + useBuildx("RUN --mount"));
            }
            Matcher parseError = PARSE_ERROR.matcher(line);
            if (!parseError.find()) {
                continue;
            }
            int at = Integer.parseInt(parseError.group(1));
            String error = parseError.group(2);
            Optional<Dockerfile.Heredoc> heredoc = parsed.heredocAt(at);
            if (UNKNOWN_INSTRUCTION.matcher(error).find() && heredoc.isPresent()) {
                Dockerfile.Heredoc h = heredoc.get();
                String feature = "heredocs";
                String what = "line " + at + " is in the body of a heredoc (" + h.instruction() + " <<" + h.name() + ", line "
                        + h.line() + "), which the builder read as an instruction (\"" + error + "\"): ";
                return Optional.of(what + (builder.classic() ? classicBuilder() + " " + useBuildx(feature)
                        : tooOldBuildKit(builder, feature)));
            }
            Matcher flag = UNKNOWN_FLAG.matcher(error);
            if (flag.find()) {
                String name = flag.group(1).toLowerCase(Locale.ROOT);
                String instruction = parsed.flags().stream().filter(f -> f.line() <= at && f.name().equals(name))
                        .reduce((a, b) -> b).map(Dockerfile.Flag::instruction).orElse("the instruction");
                String feature = instruction + " --" + name;
                String what = "line " + at + " uses " + feature + " (\"" + error + "\"): ";
                if (builder.classic()) {
                    return Optional.of(what + classicBuilder() + " " + useBuildx(feature));
                }
                return Optional.of(what + (name.equals("link") ? tooOldBuildKit(builder, feature)
                        : "the builder, " + buildKit(builder) + ", does not know that flag; it came with a later Dockerfile syntax. "
                        + upgrade()));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String tooOldBuildKit(Builder builder, String feature) {
        return "the builder, " + buildKit(builder) + ", is too old for " + feature + ", which came with " + SYNTAX_1_4 + ". "
                + upgrade();
    }

    private static String buildKit(Builder builder) {
        String version = builder.version().get();
        return version == null ? "the BuildKit that docker buildx uses" : "BuildKit " + version;
    }

    private static String upgrade() {
        return "Upgrade the engine (Docker Engine 23.0 or later), or have buildx use a newer BuildKit of its own "
                + "(`docker buildx create --use --driver docker-container`, which runs the moby/buildkit image), or, where the "
                + "build may pull images, make `# syntax=docker/dockerfile:1` the Dockerfile's first line.";
    }

    private static String classicBuilder() {
        return "the engine API builder is the engine's classic builder, which has none of BuildKit's syntax (heredocs, "
                + "COPY --link, RUN --mount) at any version.";
    }

    private static String useBuildx(String feature) {
        return "Build with BuildKit for " + feature + ": install the docker CLI's buildx plugin and remove " + Settings.BUILDER
                + "=engine (auto then picks buildx), on Docker Engine 23.0 or later for heredocs and --link.";
    }
}
