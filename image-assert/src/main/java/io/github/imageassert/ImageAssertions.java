package io.github.imageassert;

import io.github.imageassert.assertions.CommandAssert;
import io.github.imageassert.assertions.ContainerImageAssert;
import io.github.imageassert.run.CommandResult;
import org.assertj.core.api.Assertions;

/**
 * Entry point: {@code import static io.github.imageassert.ImageAssertions.assertThat;}. It extends AssertJ's
 * {@link Assertions}, so the one static import also serves every other {@code assertThat} in the test.
 */
public class ImageAssertions extends Assertions {

    protected ImageAssertions() {
    }

    public static ContainerImageAssert assertThat(ContainerImage actual) {
        return new ContainerImageAssert(actual);
    }

    /** A command run with {@link io.github.imageassert.run.ContainerRun}: exit code, output, the uid it ran as. */
    public static CommandAssert assertThat(CommandResult actual) {
        return new CommandAssert(actual);
    }
}
