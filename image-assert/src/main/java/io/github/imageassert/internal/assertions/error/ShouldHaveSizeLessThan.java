package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image is not under its size budget; lists the largest layers and what made them. */
public final class ShouldHaveSizeLessThan extends ImageMessages {

    public static ErrorMessageFactory shouldHaveSizeLessThan(LoadedImage image, DataSize budget, long size) {
        return new ShouldHaveSizeLessThan(EXPECTING + "to have a size less than %s%nbut it is %s. Largest layers:%s", image(image),
                plain(budget.toString()), plain(ImageEvidence.overBudget(budget, size)), plain(ImageEvidence.largestLayers(image, budget)));
    }

    private ShouldHaveSizeLessThan(String format, Object... arguments) {
        super(format, arguments);
    }
}
