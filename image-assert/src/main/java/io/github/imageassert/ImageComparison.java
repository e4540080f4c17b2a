package io.github.imageassert;

import io.github.imageassert.analysis.ImageDiff;

/**
 * An image compared with another, as an {@link ImageDiffAssert} sees it.
 *
 * @param base  the image compared against, e.g. the one the image is built {@code FROM}
 * @param image the image compared
 * @param diff  how {@code image}'s filesystem differs from {@code base}'s
 */
public record ImageComparison(ContainerImage base, ContainerImage image, ImageDiff diff) {

    @Override
    public String toString() {
        return image.description() + " relative to " + base.description();
    }
}
