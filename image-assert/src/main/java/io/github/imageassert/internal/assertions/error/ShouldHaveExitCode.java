package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.run.CommandResult;
import org.assertj.core.error.ErrorMessageFactory;

/** A command exited with another code than expected; both streams are the evidence. */
public final class ShouldHaveExitCode extends ImageMessages {

    public static ErrorMessageFactory shouldHaveExitCode(CommandResult actual, int expected) {
        return new ShouldHaveExitCode(EXPECTING + "running:%n  %s%nto exit with code:%n  %s%nbut it exited with code %s after %s, with %s%nand %s",
                plain(actual.image()), plain(actual.commandLine()), expected, actual.exitCode(),
                plain(CommandEvidence.duration(actual.duration())), plain(CommandEvidence.stream("stdout", actual.stdout())),
                plain(CommandEvidence.stream("stderr", actual.stderr())));
    }

    private ShouldHaveExitCode(String format, Object... arguments) {
        super(format, arguments);
    }
}
