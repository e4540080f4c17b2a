package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.Set;
import org.assertj.core.error.ErrorMessageFactory;

/** A volume is not declared. */
public final class ShouldHaveVolume extends ImageMessages {

    public static ErrorMessageFactory shouldHaveVolume(LoadedImage image, String volume, Set<String> volumes) {
        return new ShouldHaveVolume(EXPECTING + "to declare volume:%n  %s%nbut its volumes are: %s", image(image), volume, volumes);
    }

    private ShouldHaveVolume(String format, Object... arguments) {
        super(format, arguments);
    }
}
