package io.github.imageassert;

import static io.github.imageassert.internal.assertions.error.ShouldHaveExitCode.shouldHaveExitCode;
import static io.github.imageassert.internal.assertions.error.ShouldHaveOutput.shouldHaveOutputContaining;
import static io.github.imageassert.internal.assertions.error.ShouldHaveOutput.shouldHaveOutputEqualTo;
import static io.github.imageassert.internal.assertions.error.ShouldHaveOutput.shouldHaveOutputMatching;
import static io.github.imageassert.internal.assertions.error.ShouldHaveRunAsUid.shouldHaveRunAsNonRoot;
import static io.github.imageassert.internal.assertions.error.ShouldHaveRunAsUid.shouldHaveRunAsUid;

import io.github.imageassert.run.CommandResult;
import java.util.Objects;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a command run in a container ({@link io.github.imageassert.ContainerRun}): exit code, stdout and
 * stderr, and the uid the engine saw its process run as.
 */
public class CommandAssert extends AbstractAssert<CommandAssert, CommandResult> {

    private static final String STDOUT = "stdout";
    private static final String STDERR = "stderr";

    public CommandAssert(CommandResult actual) {
        super(actual, CommandAssert.class);
    }

    public CommandAssert hasExitCode(int expected) {
        isNotNull();
        if (actual.exitCode() != expected) {
            throwAssertionError(shouldHaveExitCode(actual, expected));
        }
        return myself;
    }

    /** Exit code 0. */
    public CommandAssert succeeds() {
        return hasExitCode(0);
    }

    /** stdout equals {@code expected}, a final newline ignored on either side ({@code echo} adds one). */
    public CommandAssert hasStdout(String expected) {
        return hasOutput(STDOUT, expected);
    }

    public CommandAssert stdoutContains(String expected) {
        return outputContains(STDOUT, expected);
    }

    /** The regex is found somewhere in stdout; {@code ^} and {@code $} match at each line. */
    public CommandAssert stdoutMatches(String regex) {
        return outputMatches(STDOUT, regex);
    }

    /** stderr equals {@code expected}, a final newline ignored on either side. */
    public CommandAssert hasStderr(String expected) {
        return hasOutput(STDERR, expected);
    }

    public CommandAssert stderrContains(String expected) {
        return outputContains(STDERR, expected);
    }

    /** The regex is found somewhere in stderr; {@code ^} and {@code $} match at each line. */
    public CommandAssert stderrMatches(String regex) {
        return outputMatches(STDERR, regex);
    }

    /**
     * The engine saw the command's main process run as this uid. It fails when the command ended before it could
     * be seen: assert on a command that runs for a moment (a server, {@code sleep 2}).
     */
    public CommandAssert ranAsUid(long expected) {
        isNotNull();
        if (actual.uid().isEmpty() || actual.uid().getAsLong() != expected) {
            throwAssertionError(shouldHaveRunAsUid(actual, expected));
        }
        return myself;
    }

    /** The engine saw the command's main process run as a uid other than 0. */
    public CommandAssert ranAsNonRoot() {
        isNotNull();
        if (actual.uid().isEmpty() || actual.uid().getAsLong() == 0) {
            throwAssertionError(shouldHaveRunAsNonRoot(actual));
        }
        return myself;
    }

    private CommandAssert hasOutput(String stream, String expected) {
        isNotNull();
        Objects.requireNonNull(expected, "expected");
        if (!withoutTrailingNewline(output(stream)).equals(withoutTrailingNewline(expected))) {
            throwAssertionError(shouldHaveOutputEqualTo(actual, stream, expected));
        }
        return myself;
    }

    private CommandAssert outputContains(String stream, String expected) {
        isNotNull();
        if (!output(stream).contains(Objects.requireNonNull(expected, "expected"))) {
            throwAssertionError(shouldHaveOutputContaining(actual, stream, expected));
        }
        return myself;
    }

    private CommandAssert outputMatches(String stream, String regex) {
        isNotNull();
        if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(output(stream)).find()) {
            throwAssertionError(shouldHaveOutputMatching(actual, stream, regex));
        }
        return myself;
    }

    private String output(String stream) {
        return stream.equals(STDOUT) ? actual.stdout() : actual.stderr();
    }

    private static String withoutTrailingNewline(String text) {
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
