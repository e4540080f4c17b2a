package io.github.imageassert;

import io.github.imageassert.assertions.ContainerImageAssert;
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
}
