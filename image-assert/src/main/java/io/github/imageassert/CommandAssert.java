package io.github.imageassert;

import io.github.imageassert.run.CommandResult;

/**
 * Assertions on a command run in a container: {@code assertThat(ContainerRun.of(image).run("id", "-u"))}, or
 * {@link ContainerImageAssert#running(String...)}.
 */
public class CommandAssert extends AbstractCommandAssert<CommandAssert> {

    /** Assertions on this command's result; a public constructor taking the actual is what soft proxies need. */
    public CommandAssert(CommandResult actual) {
        super(actual, CommandAssert.class);
    }
}
