package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.run.CommandResult;
import org.assertj.core.error.ErrorMessageFactory;

/** A command's stdout or stderr is not what was expected; the stream, the other stream and the exit code are the evidence. */
public final class ShouldHaveOutput extends ImageMessages {

    public static ErrorMessageFactory shouldHaveOutputEqualTo(CommandResult actual, String stream, String expected) {
        return create(actual, stream, "exactly", expected);
    }

    public static ErrorMessageFactory shouldHaveOutputContaining(CommandResult actual, String stream, String expected) {
        return create(actual, stream, "text containing", expected);
    }

    public static ErrorMessageFactory shouldHaveOutputMatching(CommandResult actual, String stream, String regex) {
        return create(actual, stream, "text matching the regex", plain(regex));
    }

    private static ErrorMessageFactory create(CommandResult actual, String stream, String expectation, Object expected) {
        boolean stdout = stream.equals("stdout");
        String text = stdout ? actual.stdout() : actual.stderr();
        String other = stdout ? actual.stderr() : actual.stdout();
        return new ShouldHaveOutput(EXPECTING + "running:%n  %s%nto print on %s %s:%n  %s%nbut it printed %s%nand %s%nand exited with code %s",
                plain(actual.image()), plain(actual.commandLine()), plain(stream), plain(expectation), expected,
                plain(CommandEvidence.stream(stream, text)), plain(CommandEvidence.stream(stdout ? "stderr" : "stdout", other)),
                actual.exitCode());
    }

    private ShouldHaveOutput(String format, Object... arguments) {
        super(format, arguments);
    }
}
