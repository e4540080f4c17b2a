package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A path the image must not have is present; says which layer added it and how. */
public final class ShouldNotHaveFile extends ImageMessages {

    public static ErrorMessageFactory shouldNotHaveFile(LoadedImage actual, String path, String evidence) {
        return new ShouldNotHaveFile(EXPECTING + "not to have file:%n  %s%nbut it has:%n  %s", image(actual), path, plain(evidence));
    }

    private ShouldNotHaveFile(String format, Object... arguments) {
        super(format, arguments);
    }
}
