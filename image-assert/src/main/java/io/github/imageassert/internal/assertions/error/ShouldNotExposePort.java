package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.Set;
import org.assertj.core.error.ErrorMessageFactory;

/** A port that must not be exposed is. */
public final class ShouldNotExposePort extends ImageMessages {

    /** @param port with its protocol: {@code 8080/tcp} */
    public static ErrorMessageFactory shouldNotExposePort(LoadedImage image, String port, Set<String> exposed) {
        return new ShouldNotExposePort(EXPECTING + "not to expose port:%n  %s%nbut the exposed ports are: %s", image(image), port, exposed);
    }

    private ShouldNotExposePort(String format, Object... arguments) {
        super(format, arguments);
    }
}
