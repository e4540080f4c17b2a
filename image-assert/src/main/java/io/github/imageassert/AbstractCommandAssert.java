package io.github.imageassert;

import static io.github.imageassert.internal.assertions.CommandResults.STDERR;
import static io.github.imageassert.internal.assertions.CommandResults.STDOUT;

import io.github.imageassert.internal.assertions.CommandResults;
import io.github.imageassert.run.CommandResult;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a command run in a container ({@link ContainerRun}, or
 * {@link AbstractContainerImageAssert#running(String...)}): exit code, stdout and stderr, and the uid the engine saw
 * its process run as. Extend it to add assertions of your own; {@link CommandAssert} is the concrete class.
 *
 * @param <SELF> the concrete assertion class, returned by every assertion so that they chain
 */
public abstract class AbstractCommandAssert<SELF extends AbstractCommandAssert<SELF>> extends AbstractAssert<SELF, CommandResult> {

    private final CommandResults results = CommandResults.instance();

    /** The image the command ran in, when {@code running(..)} led here: its assertions are then part of its report. */
    LoadedImage ranIn;

    protected AbstractCommandAssert(CommandResult actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The command exited with {@code expected}; the failure shows the end of stdout and stderr. */
    public SELF hasExitCode(int expected) {
        return check(image -> results.assertHasExitCode(info, actual, expected), expected);
    }

    /** Exit code 0. */
    public SELF succeeds() {
        return hasExitCode(0);
    }

    /** stdout equals {@code expected}, a final newline ignored on either side ({@code echo} adds one). */
    public SELF hasStdout(String expected) {
        return check(image -> results.assertHasOutput(info, actual, STDOUT, expected), expected);
    }

    /** stdout contains {@code expected}. */
    public SELF stdoutContains(String expected) {
        return check(image -> results.assertOutputContains(info, actual, STDOUT, expected), expected);
    }

    /** The regex is found somewhere in stdout; {@code ^} and {@code $} match at each line. */
    public SELF stdoutMatches(String regex) {
        return check(image -> results.assertOutputMatches(info, actual, STDOUT, regex), regex);
    }

    /** stderr equals {@code expected}, a final newline ignored on either side. */
    public SELF hasStderr(String expected) {
        return check(image -> results.assertHasOutput(info, actual, STDERR, expected), expected);
    }

    /** stderr contains {@code expected}. */
    public SELF stderrContains(String expected) {
        return check(image -> results.assertOutputContains(info, actual, STDERR, expected), expected);
    }

    /** The regex is found somewhere in stderr; {@code ^} and {@code $} match at each line. */
    public SELF stderrMatches(String regex) {
        return check(image -> results.assertOutputMatches(info, actual, STDERR, regex), regex);
    }

    /**
     * The engine saw the command's main process run as this uid. It fails when the command ended before it could
     * be seen: assert on a command that runs for a moment (a server, {@code sleep 2}).
     */
    public SELF ranAsUid(long expected) {
        return check(image -> results.assertRanAsUid(info, actual, expected), expected);
    }

    /** The engine saw the command's main process run as a uid other than 0. */
    public SELF ranAsNonRoot() {
        return check(image -> results.assertRanAsNonRoot(info, actual));
    }

    /** Every assertion runs through here: it is what the run's report records (see {@link Recording}). */
    private SELF check(Consumer<LoadedImage> assertion, Object... arguments) {
        Recording.check(this, ranIn, actual == null ? "" : "running(" + String.join(" ", actual.command()) + ")", arguments,
                assertion);
        return myself;
    }
}
