package io.github.imageassert.assertions.error;

import static io.github.imageassert.assertions.error.ImageMessages.image;

import io.github.imageassert.ContainerImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A path the image should have is missing. */
public final class ShouldHaveFile extends ImageMessages {

    public static ErrorMessageFactory shouldHaveFile(ContainerImage actual, String path, String evidence) {
        return new ShouldHaveFile(EXPECTING + "to have file:%n  %s%nbut %s", image(actual), path, plain(evidence));
    }

    private ShouldHaveFile(String format, Object... arguments) {
        super(format, arguments);
    }
}
