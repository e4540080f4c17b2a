package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** An image is too large next to another (e.g. a runtime stage next to its builder). */
public final class ShouldHaveSizeRelativeTo extends ImageMessages {

    public static ErrorMessageFactory shouldHaveSizeRelativeTo(LoadedImage actual, String percent, LoadedImage other, String measured, String sizes) {
        return new ShouldHaveSizeRelativeTo(EXPECTING + "to be at most %s of the size of image:%n  %s%nbut it is %s (%s)", image(actual), plain(percent), image(other), plain(measured), plain(sizes));
    }

    private ShouldHaveSizeRelativeTo(String format, Object... arguments) {
        super(format, arguments);
    }
}
