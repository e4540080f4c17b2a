package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.HealthCheck;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image has no (enabled) HEALTHCHECK. */
public final class ShouldHaveHealthcheck extends ImageMessages {

    public static ErrorMessageFactory shouldHaveHealthcheck(LoadedImage image, HealthCheck found) {
        return new ShouldHaveHealthcheck(EXPECTING + "to have a HEALTHCHECK%nbut %s", image(image), plain(found == null ? "it has none" : "it is disabled (HEALTHCHECK NONE)"));
    }

    private ShouldHaveHealthcheck(String format, Object... arguments) {
        super(format, arguments);
    }
}
