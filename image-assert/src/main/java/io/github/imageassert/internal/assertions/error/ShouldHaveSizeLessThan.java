package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image is over its size budget; lists the largest layers and what made them. */
public final class ShouldHaveSizeLessThan extends ImageMessages {

    public static ErrorMessageFactory shouldHaveSizeLessThan(LoadedImage actual, String comparison, io.github.imageassert.image.DataSize budget, long actualBytes, String largestLayers) {
        return new ShouldHaveSizeLessThan(EXPECTING + "to have a size %s %s%nbut it is %s (%s bytes, %s over). Largest layers:%s", image(actual), plain(comparison), plain(budget.toString()), plain(budget.format(actualBytes)), plain(String.valueOf(actualBytes)), plain(budget.format(actualBytes - budget.bytes())), plain(largestLayers));
    }

    private ShouldHaveSizeLessThan(String format, Object... arguments) {
        super(format, arguments);
    }
}
