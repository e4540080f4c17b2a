package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A config value (ENTRYPOINT, CMD, WORKDIR, STOPSIGNAL, USER, the platform) differs from the expected one. */
public final class ShouldHaveConfigValue extends ImageMessages {

    /**
     * @param key         how a Dockerfile names the value, e.g. {@code ENTRYPOINT}
     * @param expected    a string, or a list for ENTRYPOINT and CMD
     * @param actualValue the image's, of the same kind
     */
    public static ErrorMessageFactory shouldHaveConfigValue(LoadedImage image, String key, Object expected, Object actualValue) {
        return new ShouldHaveConfigValue(EXPECTING + "to have %s:%n  %s%nbut it has:%n  %s", image(image), plain(key), expected,
                actualValue);
    }

    public static ErrorMessageFactory shouldHavePlatform(LoadedImage image, Platform expected, Platform actual) {
        return shouldHaveConfigValue(image, "platform", expected.toString(), actual.toString());
    }

    private ShouldHaveConfigValue(String format, Object... arguments) {
        super(format, arguments);
    }
}
