package io.github.imageassert;

import io.github.imageassert.internal.assertions.DiffChecks;
import io.github.imageassert.analysis.ImageDiff;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on how an image differs from another, e.g. a runtime stage from the base it starts {@code FROM}:
 * {@code assertThat(runtime).relativeTo(base).addsOnlyFilesUnder("/app")}.
 */
public class ImageDiffAssert extends AbstractAssert<ImageDiffAssert, ImageDiff> {

    private final ContainerImage base;
    private final ContainerImage image;

    ImageDiffAssert(ContainerImage base, ContainerImage image) {
        super(image.diffFrom(base), ImageDiffAssert.class);
        this.base = base;
        this.image = image;
    }

    /**
     * Every path the image adds or changes (type, mode, owner, size or link target) is one of {@code dirs} or lies
     * under one; directories above them may be created too.
     */
    public ImageDiffAssert addsOnlyFilesUnder(String... dirs) {
        DiffChecks.onlyUnder(base.loaded(), image.loaded(), actual, dirs).ifPresent(this::throwAssertionError);
        return myself;
    }

    /** Every path of the other image is still there. */
    public ImageDiffAssert removesNoFiles() {
        DiffChecks.removesNothing(base.loaded(), image.loaded(), actual).ifPresent(this::throwAssertionError);
        return myself;
    }

    /** The diff itself (added, removed, changed), for any other check. */
    public ImageDiff diff() {
        return actual;
    }
}
