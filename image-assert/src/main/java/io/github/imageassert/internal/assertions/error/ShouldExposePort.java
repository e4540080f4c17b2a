package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.Set;
import org.assertj.core.error.ErrorMessageFactory;

/** A port is not exposed. */
public final class ShouldExposePort extends ImageMessages {

    /** @param port with its protocol: {@code 8080/tcp} */
    public static ErrorMessageFactory shouldExposePort(LoadedImage image, String port, Set<String> exposed) {
        return new ShouldExposePort(EXPECTING + "to expose port:%n  %s%nbut the exposed ports are: %s", image(image), port, exposed);
    }

    private ShouldExposePort(String format, Object... arguments) {
        super(format, arguments);
    }
}
