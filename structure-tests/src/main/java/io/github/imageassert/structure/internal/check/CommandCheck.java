package io.github.imageassert.structure.internal.check;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import io.github.imageassert.ContainerImage;
import io.github.imageassert.ContainerRun;
import io.github.imageassert.fs.ImageFilesystem;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.index.ExecutableSearch;
import io.github.imageassert.internal.run.OneShotContainer;
import io.github.imageassert.internal.source.Engine;
import io.github.imageassert.run.CommandNotFoundException;
import io.github.imageassert.run.ImageNotInEngineException;
import io.github.imageassert.structure.internal.config.CommandTest;
import io.github.imageassert.structure.internal.config.ContainerRunOptions;
import io.github.imageassert.structure.internal.config.EnvVar;
import io.github.imageassert.structure.internal.config.StructureConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command test, run as CST's docker driver runs it: the image's ENTRYPOINT is replaced (the command runs on its
 * own), each {@code setup} command runs in a container of its own that is then committed to become the image of
 * the next step and of the command under test (its exit code is not checked, as in CST); {@code teardown} is not
 * run, as CST's docker driver does not run it either. The containers are the library's one-shot containers
 * (those of {@link ContainerRun}), with {@code containerRunOptions} applied.
 * <p>
 * Variables: the global ones apply to every container, then the test's own {@code envVars}, each value expanded
 * against the image's environment; {@code $VAR} in the command and its args is replaced by CST itself before
 * anything runs, from the image's environment with the global variables (and the test's own only after a setup
 * step, which commits them into the image) — so a shell sees the value, not the name.
 */
final class CommandCheck {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    private final ContainerImage image;
    private final Suite.Environment environment;
    private final ContainerRunOptions options;
    private final RunSettings settings;

    CommandCheck(ContainerImage image, Suite.Environment environment, StructureConfig config, RunSettings settings) {
        this.image = image;
        this.environment = environment;
        this.options = config.containerRunOptions();
        this.settings = settings;
    }

    TestResult run(CommandTest test) {
        Findings f = new Findings(TestKind.COMMAND, test.name());
        Map<String, String> configEnv = environment.config();
        validate(test, f);
        if (f.failed()) {
            return f.result();
        }
        Optional<String> engineReference = image.engineReference();
        if (engineReference.isEmpty()) {
            f.error(notInEngine());
            return f.result();
        }
        Map<String, String> testEnv = new LinkedHashMap<>();
        for (EnvVar v : test.envVars()) {
            testEnv.put(v.key(), GoExpand.expand(v.value(), configEnv));
        }
        Map<String, String> substitution = new LinkedHashMap<>(configEnv);
        if (!test.setup().isEmpty()) {
            substitution.putAll(testEnv);
        }
        List<String> command = new ArrayList<>();
        command.add(GoExpand.expand(test.command(), substitution));
        test.args().forEach(a -> command.add(GoExpand.expand(a, substitution)));
        explainSubstitution(test, testEnv, substitution, f);

        Map<String, String> env = new LinkedHashMap<>(environment.globals());
        env.putAll(testEnv);
        env.putAll(runOptionEnv(f));
        OneShotContainer.Spec spec = new OneShotContainer.Spec(options.user(), options.privileged(),
                options.capabilities(), options.bindMounts(), options.allocateTty());

        DockerClient client = Engine.containerClient("Command test '" + test.name() + "' of image " + image.description());
        List<String> committed = new ArrayList<>();
        try {
            String current = engineReference.get();
            for (List<String> step : test.setup()) {
                OneShotContainer.Committed c = OneShotContainer.runAndCommit(client, current, step, env,
                        settings.commandTimeout(), spec);
                if (c.outcome().timedOut() || c.image() == null) {
                    f.error("Error in setup: " + step + " was still running after " + settings.commandTimeout().toSeconds()
                            + " s and was stopped");
                    return f.result();
                }
                committed.add(c.image());
                current = c.image();
                if (c.outcome().exitCode() != 0) {
                    f.note("setup " + step + " exited with code " + c.outcome().exitCode() + " (CST does not check "
                            + "setup exit codes); its stderr: " + Texts.shorten(c.outcome().stderr().strip()));
                }
            }
            if (test.setup().isEmpty()) {
                String missing = missingProgram(command, env, configEnv);
                if (missing != null) {
                    f.error(missing);
                    return f.result();
                }
            }
            OneShotContainer.Outcome outcome;
            try {
                outcome = OneShotContainer.run(client, current, command, env, settings.commandTimeout(), spec);
            } catch (DockerException e) {
                if (CommandNotFoundException.isExecNotFound(e.getMessage())) {
                    f.error(CommandNotFoundException.reportedByEngine(image.description(), image.config(), command,
                            e.getMessage()).getMessage());
                } else {
                    f.error("Error creating container: " + e.getMessage());
                }
                return f.result();
            }
            f.output(outcome.stdout(), outcome.stderr());
            if (outcome.timedOut()) {
                f.error("Test '" + test.name() + "' was still running after " + settings.commandTimeout().toSeconds()
                        + " s and was stopped (CST waits forever; raise the limit with --command-timeout or "
                        + "withCommandTimeout(..))");
                return f.result();
            }
            check(test, outcome.stdout(), outcome.stderr(), outcome.exitCode(), f);
            return f.result();
        } finally {
            for (int i = committed.size() - 1; i >= 0; i--) {
                OneShotContainer.removeImage(client, committed.get(i));
            }
        }
    }

    /** The output checks, in CST's order and words. */
    static void check(CommandTest test, String stdout, String stderr, int exitCode, Findings f) {
        for (String regex : test.expectedError()) {
            Boolean found = Checks.find(f, regex, stderr);
            if (found != null && !found) {
                f.error("Expected string '" + regex + "' not found in error '" + Texts.shorten(stderr) + "'");
            }
        }
        for (String regex : test.excludedError()) {
            Boolean found = Checks.find(f, regex, stderr);
            if (found != null && found) {
                f.error("Excluded string '" + regex + "' found in error '" + Texts.shorten(stderr) + "'");
            }
        }
        for (String regex : test.expectedOutput()) {
            Boolean found = Checks.find(f, regex, stdout);
            if (found != null && !found) {
                f.error("Expected string '" + regex + "' not found in output '" + Texts.shorten(stdout) + "'");
            }
        }
        for (String regex : test.excludedOutput()) {
            Boolean found = Checks.find(f, regex, stdout);
            if (found != null && found) {
                f.error("Excluded string '" + regex + "' found in output '" + Texts.shorten(stdout) + "'");
            }
        }
        if (test.exitCode() != exitCode) {
            f.error("Test '" + test.name() + "' exited with incorrect error code. Expected: " + test.exitCode()
                    + ", Actual: " + exitCode);
        }
    }

    private static void validate(CommandTest test, Findings f) {
        if (test.name().isEmpty()) {
            f.error("Please provide a valid name for every test");
        }
        if (test.command().isEmpty()) {
            f.error("Please provide a valid command to run for test " + test.name());
        }
        if (test.setup().stream().anyMatch(List::isEmpty)) {
            f.error("Error in setup command configuration encountered; please check formatting and remove all empty "
                    + "setup commands");
        }
        if (test.teardown().stream().anyMatch(List::isEmpty)) {
            f.error("Error in teardown command configuration encountered; please check formatting and remove all "
                    + "empty teardown commands");
        }
        if (test.envVars().stream().anyMatch(v -> v.key().isEmpty() || v.value().isEmpty())) {
            f.error("Please provide non-empty keys and values for all specified env vars");
        }
    }

    /** {@code envFile}, then {@code envVars} copied from this process's environment; CST passes on what it can. */
    private Map<String, String> runOptionEnv(Findings f) {
        Map<String, String> env = new LinkedHashMap<>();
        if (!options.envFile().isEmpty()) {
            Path file = settings.workingDirectory().resolve(options.envFile());
            try {
                Dotenv.parse(Files.readString(file, StandardCharsets.UTF_8), settings.hostEnvironment())
                        .forEach((k, v) -> {
                            if (!k.isEmpty() && !v.isEmpty()) {
                                env.put(k, v);
                            }
                        });
            } catch (IOException | IllegalArgumentException e) {
                f.note("containerRunOptions.envFile " + file.toAbsolutePath().normalize() + " was not read ("
                        + e.getMessage() + "); CST goes on without it too");
            }
        }
        for (String name : options.envVars()) {
            String value = settings.hostEnvironment().apply(name);
            if (value != null && !value.isEmpty()) {
                env.put(name, value);
            }
        }
        return env;
    }

    /** The program is looked for in the image first, as {@link ContainerRun} does, for a message that helps. */
    private String missingProgram(List<String> command, Map<String, String> env, Map<String, String> configEnv) {
        String program = command.get(0);
        String path = env.containsKey("PATH") ? env.get("PATH") : configEnv.get("PATH");
        List<String> dirs = ExecutableSearch.dirs(path);
        String workdir = image.config().workingDir().isEmpty() ? "/" : image.config().workingDir();
        List<String> candidates = program.contains("/")
                ? List.of(program.startsWith("/") ? program : workdir.replaceAll("/+$", "") + "/" + program)
                : dirs.stream().map(d -> d.replaceAll("/+$", "") + "/" + program).toList();
        ImageFilesystem fs = image.filesystem();
        for (String candidate : candidates) {
            Resolution r = fs.lookup(candidate, true);
            if (r.exists() && r.entry().isRegularFile() && r.entry().isExecutableByAnyone()) {
                return null;
            }
        }
        return CommandNotFoundException.notInImage(image.description(), image.config(), command, program,
                String.join(":", dirs)).getMessage();
    }

    /** The one surprise of CST's substitution, said where it bites: a test's own variable is not in the image. */
    private static void explainSubstitution(CommandTest test, Map<String, String> testEnv,
                                            Map<String, String> substitution, Findings f) {
        List<String> words = new ArrayList<>(test.args());
        words.add(0, test.command());
        for (String word : words) {
            Matcher m = VARIABLE.matcher(word);
            while (m.find()) {
                String name = m.group(1);
                if (testEnv.containsKey(name) && !substitution.containsKey(name)) {
                    f.note("$" + name + " in the command was replaced by \"\" before it ran: CST expands variables in "
                            + "commands from the image's environment and globalEnvVars, and a test's own envVars "
                            + "are only there after a setup step. Set " + name + " in globalEnvVars to use it in "
                            + "the command line.");
                }
            }
        }
    }

    private String notInEngine() {
        try {
            ContainerRun.of(image).withEntrypoint("/command-tests-need-an-engine").run();
        } catch (ImageNotInEngineException e) {
            return e.getMessage() + " (CST's tar driver runs no command test either)";
        }
        return "Command tests need the image in an engine";
    }
}
