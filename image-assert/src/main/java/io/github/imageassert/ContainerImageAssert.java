package io.github.imageassert;

/**
 * Assertions on a {@link ContainerImage}: {@code assertThat(image).runsAsNonRoot().hasSizeLessThan("150 MB")}. See
 * {@link AbstractContainerImageAssert} for every assertion.
 */
public class ContainerImageAssert extends AbstractContainerImageAssert<ContainerImageAssert> {

    /** Assertions on this image; a public constructor taking the actual is what soft proxies need. */
    public ContainerImageAssert(ContainerImage actual) {
        super(actual, ContainerImageAssert.class);
    }
}
