package io.github.imageassert;

import io.github.imageassert.analysis.ImageDiff;
import io.github.imageassert.internal.assertions.ImageComparisons;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on how an image differs from another, e.g. a runtime stage from the base it starts {@code FROM}:
 * {@code assertThat(runtime).relativeTo(base).addsOnlyFilesUnder("/app")}. Extend it to add assertions of your
 * own; {@link ImageDiffAssert} is the concrete class.
 *
 * @param <SELF> the concrete assertion class, returned by every assertion so that they chain
 */
public abstract class AbstractImageDiffAssert<SELF extends AbstractImageDiffAssert<SELF>>
        extends AbstractAssert<SELF, ImageComparison> {

    private final ImageComparisons comparisons = ImageComparisons.instance();

    protected AbstractImageDiffAssert(ImageComparison actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Every path the image adds or changes (type, mode, owner, size or link target) is one of {@code dirs} or lies
     * under one; directories above them may be created too.
     */
    public SELF addsOnlyFilesUnder(String... dirs) {
        return check(image -> comparisons.assertAddsOnlyFilesUnder(info, base(), image, diff(), dirs), dirs);
    }

    /** Every path of the other image is still there. */
    public SELF removesNoFiles() {
        return check(image -> comparisons.assertRemovesNoFiles(info, base(), image, diff()));
    }

    /** The diff itself (added, removed, changed), for any other check. */
    public ImageDiff diff() {
        return actual == null ? null : actual.diff();
    }

    private LoadedImage base() {
        return actual == null ? null : actual.base().loaded();
    }

    private LoadedImage image() {
        return actual == null ? null : actual.image().loaded();
    }

    /** Every assertion runs through here: it is what the run's report records (see {@link Recording}). */
    private SELF check(Consumer<LoadedImage> assertion, Object... arguments) {
        Recording.check(this, image(), actual == null ? "" : "relativeTo(" + actual.base().description() + ")", arguments,
                assertion);
        return myself;
    }
}
