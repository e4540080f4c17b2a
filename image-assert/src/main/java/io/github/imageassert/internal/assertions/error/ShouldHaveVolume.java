package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A volume is not declared. */
public final class ShouldHaveVolume extends ImageMessages {

    public static ErrorMessageFactory shouldHaveVolume(LoadedImage actual, String volume, java.util.Set<String> volumes) {
        return new ShouldHaveVolume(EXPECTING + "to declare volume:%n  %s%nbut its volumes are: %s", image(actual), volume, volumes);
    }

    private ShouldHaveVolume(String format, Object... arguments) {
        super(format, arguments);
    }
}
