package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image is over its size budget; lists the largest layers and what made them. */
public final class ShouldHaveSizeAtMost extends ImageMessages {

    public static ErrorMessageFactory shouldHaveSizeAtMost(LoadedImage image, DataSize max, long size) {
        return new ShouldHaveSizeAtMost(EXPECTING + "to have a size of at most %s%nbut it is %s. Largest layers:%s", image(image),
                plain(max.toString()), plain(ImageEvidence.overBudget(max, size)), plain(ImageEvidence.largestLayers(image, max)));
    }

    private ShouldHaveSizeAtMost(String format, Object... arguments) {
        super(format, arguments);
    }
}
