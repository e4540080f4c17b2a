package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** An executable that must not ship is on the image's PATH. */
public final class ShouldNotContainExecutable extends ImageMessages {

    public static ErrorMessageFactory shouldNotContainExecutable(LoadedImage actual, String name, String evidence) {
        return new ShouldNotContainExecutable(EXPECTING + "not to contain executable:%n  %s%nbut it does:%n  %s", image(actual), name, plain(evidence));
    }

    private ShouldNotContainExecutable(String format, Object... arguments) {
        super(format, arguments);
    }
}
