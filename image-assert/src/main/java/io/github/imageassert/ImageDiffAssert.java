package io.github.imageassert;

/**
 * Assertions on how an image differs from another, reached through
 * {@link ContainerImageAssert#relativeTo(ContainerImage)}.
 */
public class ImageDiffAssert extends AbstractImageDiffAssert<ImageDiffAssert> {

    public ImageDiffAssert(ImageComparison actual) {
        super(actual, ImageDiffAssert.class);
    }
}
