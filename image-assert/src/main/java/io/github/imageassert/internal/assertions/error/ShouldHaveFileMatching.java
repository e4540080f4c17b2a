package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** No file matches a glob that should match something. */
public final class ShouldHaveFileMatching extends ImageMessages {

    public static ErrorMessageFactory shouldHaveFileMatching(LoadedImage image, String glob) {
        return new ShouldHaveFileMatching(EXPECTING + "to have a file matching:%n  %s%nbut none does", image(image), glob);
    }

    private ShouldHaveFileMatching(String format, Object... arguments) {
        super(format, arguments);
    }
}
