package io.github.imageassert.assertions.error;

import static io.github.imageassert.assertions.error.ImageMessages.image;

import io.github.imageassert.ContainerImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image has no (enabled) HEALTHCHECK. */
public final class ShouldHaveHealthcheck extends ImageMessages {

    public static ErrorMessageFactory shouldHaveHealthcheck(ContainerImage actual, io.github.imageassert.image.HealthCheck found) {
        return new ShouldHaveHealthcheck(EXPECTING + "to have a HEALTHCHECK%nbut %s", image(actual), plain(found == null ? "it has none" : "it is disabled (HEALTHCHECK NONE)"));
    }

    private ShouldHaveHealthcheck(String format, Object... arguments) {
        super(format, arguments);
    }
}
