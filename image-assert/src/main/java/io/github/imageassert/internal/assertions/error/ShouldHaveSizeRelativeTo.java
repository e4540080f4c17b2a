package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.Locale;
import org.assertj.core.error.ErrorMessageFactory;

/** An image is too large next to another (e.g. a runtime stage next to its builder). */
public final class ShouldHaveSizeRelativeTo extends ImageMessages {

    public static ErrorMessageFactory shouldHaveSizeRelativeTo(LoadedImage image, double percent, LoadedImage other, long size,
                                                               long otherSize) {
        String measured = otherSize == 0 ? "larger than an empty image" : String.format(Locale.ROOT, "%.1f %%", 100.0 * size / otherSize);
        return new ShouldHaveSizeRelativeTo(EXPECTING + "to be at most %s of the size of image:%n  %s%nbut it is %s (%s against %s)",
                image(image), plain(String.format(Locale.ROOT, "%.1f %%", percent)), image(other), plain(measured),
                plain(DataSize.human(size)), plain(DataSize.human(otherSize)));
    }

    private ShouldHaveSizeRelativeTo(String format, Object... arguments) {
        super(format, arguments);
    }
}
