package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** Files matching a forbidden glob are present. */
public final class ShouldHaveNoFileMatching extends ImageMessages {

    public static ErrorMessageFactory shouldHaveNoFileMatching(LoadedImage actual, String glob, java.util.List<String> evidence, int total) {
        return new ShouldHaveNoFileMatching(EXPECTING + "to have no file matching:%n  %s%nbut %s match:%s", image(actual), glob, total, lines(evidence, total));
    }

    private ShouldHaveNoFileMatching(String format, Object... arguments) {
        super(format, arguments);
    }
}
