package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A port is, or is not, exposed against expectation. */
public final class ShouldExposePort extends ImageMessages {

    public static ErrorMessageFactory shouldExposePort(LoadedImage actual, boolean expected, String port, java.util.Set<String> exposed) {
        return new ShouldExposePort(EXPECTING + "%s port:%n  %s%nbut the exposed ports are: %s", image(actual), plain(expected ? "to expose" : "not to expose"), port, exposed);
    }

    private ShouldExposePort(String format, Object... arguments) {
        super(format, arguments);
    }
}
