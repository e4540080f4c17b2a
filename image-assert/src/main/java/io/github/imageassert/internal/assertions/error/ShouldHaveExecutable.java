package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** No executable of that name on the image's PATH. */
public final class ShouldHaveExecutable extends ImageMessages {

    public static ErrorMessageFactory shouldHaveExecutable(LoadedImage actual, String name, String pathSearched, String evidence) {
        return new ShouldHaveExecutable(EXPECTING + "to contain executable:%n  %s%nsearching PATH %s,%nbut %s", image(actual), name, plain(pathSearched), plain(evidence));
    }

    private ShouldHaveExecutable(String format, Object... arguments) {
        super(format, arguments);
    }
}
