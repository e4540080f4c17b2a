package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.run.CommandResult;
import org.assertj.core.error.ErrorMessageFactory;

/** The engine saw the command's process run as another uid, or could not see it at all. */
public final class ShouldHaveRunAsUid extends ImageMessages {

    public static ErrorMessageFactory shouldHaveRunAsUid(CommandResult actual, long expected) {
        return new ShouldHaveRunAsUid(EXPECTING + "running:%n  %s%nto run as uid:%n  %s%nbut %s",
                plain(actual.image()), plain(actual.commandLine()), plain(Long.toString(expected)),
                plain(CommandEvidence.observedUser(actual)));
    }

    public static ErrorMessageFactory shouldHaveRunAsNonRoot(CommandResult actual) {
        return new ShouldHaveRunAsUid(EXPECTING + "running:%n  %s%nto run as a non-root uid,%nbut %s",
                plain(actual.image()), plain(actual.commandLine()), plain(CommandEvidence.observedUser(actual)));
    }

    private ShouldHaveRunAsUid(String format, Object... arguments) {
        super(format, arguments);
    }
}
