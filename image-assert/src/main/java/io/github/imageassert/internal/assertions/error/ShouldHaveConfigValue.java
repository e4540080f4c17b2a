package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A config value (entrypoint, cmd, workdir, stop signal, user, platform...) differs from the expected one. */
public final class ShouldHaveConfigValue extends ImageMessages {

    public static ErrorMessageFactory shouldHaveConfigValue(LoadedImage actual, String what, Object expected, Object actualValue) {
        return new ShouldHaveConfigValue(EXPECTING + "to have %s:%n  %s%nbut it has:%n  %s", image(actual), plain(what), expected, actualValue);
    }

    private ShouldHaveConfigValue(String format, Object... arguments) {
        super(format, arguments);
    }
}
