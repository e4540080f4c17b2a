package io.github.imageassert;

import io.github.imageassert.run.CommandResult;
import org.assertj.core.api.Assertions;

/**
 * Entry point: {@code import static io.github.imageassert.ImageAssertions.assertThat;}. It extends AssertJ's
 * {@link Assertions}, so the one static import also serves every other {@code assertThat} in the test.
 */
public class ImageAssertions extends Assertions {

    protected ImageAssertions() {
    }

    /** Assertions on an image: {@code assertThat(image).runsAsNonRoot().hasSizeLessThan("150 MB")}. */
    public static ContainerImageAssert assertThat(ContainerImage actual) {
        return new ContainerImageAssert(actual);
    }

    /** A command run with {@link io.github.imageassert.ContainerRun}: exit code, output, the uid it ran as. */
    public static CommandAssert assertThat(CommandResult actual) {
        return new CommandAssert(actual);
    }
}
