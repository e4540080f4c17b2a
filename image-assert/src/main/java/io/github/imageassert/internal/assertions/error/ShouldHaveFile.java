package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A path the image should have is missing. */
public final class ShouldHaveFile extends ImageMessages {

    public static ErrorMessageFactory shouldHaveFile(LoadedImage actual, String path, String evidence) {
        return new ShouldHaveFile(EXPECTING + "to have file:%n  %s%nbut %s", image(actual), path, plain(evidence));
    }

    private ShouldHaveFile(String format, Object... arguments) {
        super(format, arguments);
    }
}
