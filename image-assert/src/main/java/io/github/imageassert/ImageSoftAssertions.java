package io.github.imageassert;

import io.github.imageassert.CommandAssert;
import io.github.imageassert.ContainerImageAssert;
import io.github.imageassert.run.CommandResult;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Collects every failed image assertion and reports them together:
 * <pre>{@code
 * ImageSoftAssertions softly = new ImageSoftAssertions();
 * softly.assertThat(image).runsAsNonRoot();
 * softly.assertThat(image).hasSizeLessThan("100 MB");
 * softly.assertAll();
 * }</pre>
 * or {@link #assertSoftly(java.util.function.Consumer)}.
 */
public class ImageSoftAssertions extends AbstractSoftAssertions {

    public ContainerImageAssert assertThat(ContainerImage actual) {
        return proxy(ContainerImageAssert.class, ContainerImage.class, actual);
    }

    public CommandAssert assertThat(CommandResult actual) {
        return proxy(CommandAssert.class, CommandResult.class, actual);
    }

    public static void assertSoftly(java.util.function.Consumer<ImageSoftAssertions> assertions) {
        ImageSoftAssertions softly = new ImageSoftAssertions();
        assertions.accept(softly);
        softly.assertAll();
    }
}
