package io.github.imageassert;

import io.github.imageassert.assertions.ContainerImageAssert;

/** Entry point: {@code import static io.github.imageassert.ImageAssertions.assertThat;}. */
public final class ImageAssertions {

    private ImageAssertions() {
    }

    public static ContainerImageAssert assertThat(ContainerImage actual) {
        return new ContainerImageAssert(actual);
    }
}
