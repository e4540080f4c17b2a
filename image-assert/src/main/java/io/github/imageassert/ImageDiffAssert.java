package io.github.imageassert;

/**
 * Assertions on how an image differs from another, reached through
 * {@link ContainerImageAssert#relativeTo(ContainerImage)}.
 */
public class ImageDiffAssert extends AbstractImageDiffAssert<ImageDiffAssert> {

    /** Assertions on this comparison of two images; a public constructor taking the actual is what soft proxies need. */
    public ImageDiffAssert(ImageComparison actual) {
        super(actual, ImageDiffAssert.class);
    }
}
