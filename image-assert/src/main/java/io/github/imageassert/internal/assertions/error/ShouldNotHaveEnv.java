package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** An environment variable that must not be set is set. */
public final class ShouldNotHaveEnv extends ImageMessages {

    public static ErrorMessageFactory shouldNotHaveEnv(LoadedImage image, String name, String value) {
        return new ShouldNotHaveEnv(EXPECTING + "not to have environment variable %s%nbut it is set: %s=%s", image(image), plain(name), plain(name), plain(value));
    }

    private ShouldNotHaveEnv(String format, Object... arguments) {
        super(format, arguments);
    }
}
