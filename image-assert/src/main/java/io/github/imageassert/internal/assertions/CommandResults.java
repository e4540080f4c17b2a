package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveExitCode.shouldHaveExitCode;
import static io.github.imageassert.internal.assertions.error.ShouldHaveOutput.shouldHaveOutputContaining;
import static io.github.imageassert.internal.assertions.error.ShouldHaveOutput.shouldHaveOutputEqualTo;
import static io.github.imageassert.internal.assertions.error.ShouldHaveOutput.shouldHaveOutputMatching;
import static io.github.imageassert.internal.assertions.error.ShouldHaveRunAsUid.shouldHaveRunAsNonRoot;
import static io.github.imageassert.internal.assertions.error.ShouldHaveRunAsUid.shouldHaveRunAsUid;

import io.github.imageassert.run.CommandResult;
import java.util.regex.Pattern;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/** Assertions on a command run in a container: its exit code, what it printed, the uid the engine saw. */
public final class CommandResults {

    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";

    private static final CommandResults INSTANCE = new CommandResults();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private CommandResults() {
    }

    public static CommandResults instance() {
        return INSTANCE;
    }

    public void assertHasExitCode(AssertionInfo info, CommandResult result, int expected) {
        objects.assertNotNull(info, result);
        if (result.exitCode() != expected) {
            throw failures.failure(info, shouldHaveExitCode(result, expected));
        }
    }

    /** {@code stream} ({@link #STDOUT} or {@link #STDERR}) equals {@code expected}, a final newline ignored on either side. */
    public void assertHasOutput(AssertionInfo info, CommandResult result, String stream, String expected) {
        java.util.Objects.requireNonNull(expected, "expected");
        objects.assertNotNull(info, result);
        if (!withoutTrailingNewline(output(result, stream)).equals(withoutTrailingNewline(expected))) {
            throw failures.failure(info, shouldHaveOutputEqualTo(result, stream, expected));
        }
    }

    public void assertOutputContains(AssertionInfo info, CommandResult result, String stream, String expected) {
        java.util.Objects.requireNonNull(expected, "expected");
        objects.assertNotNull(info, result);
        if (!output(result, stream).contains(expected)) {
            throw failures.failure(info, shouldHaveOutputContaining(result, stream, expected));
        }
    }

    /** The regex is found somewhere in {@code stream}; {@code ^} and {@code $} match at each line. */
    public void assertOutputMatches(AssertionInfo info, CommandResult result, String stream, String regex) {
        objects.assertNotNull(info, result);
        if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(output(result, stream)).find()) {
            throw failures.failure(info, shouldHaveOutputMatching(result, stream, regex));
        }
    }

    /** The engine saw the command's main process run as {@code expected}; a command too quick to be seen fails. */
    public void assertRanAsUid(AssertionInfo info, CommandResult result, long expected) {
        objects.assertNotNull(info, result);
        if (result.uid().isEmpty() || result.uid().getAsLong() != expected) {
            throw failures.failure(info, shouldHaveRunAsUid(result, expected));
        }
    }

    public void assertRanAsNonRoot(AssertionInfo info, CommandResult result) {
        objects.assertNotNull(info, result);
        if (result.uid().isEmpty() || result.uid().getAsLong() == 0) {
            throw failures.failure(info, shouldHaveRunAsNonRoot(result));
        }
    }

    private static String output(CommandResult result, String stream) {
        return stream.equals(STDOUT) ? result.stdout() : result.stderr();
    }

    private static String withoutTrailingNewline(String text) {
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
