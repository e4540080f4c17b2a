package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A layer of the image is over its budget or was made by another instruction. */
public final class ShouldHaveLayerProperty extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLayerProperty(LoadedImage actual, String layer, String expectation,
                                                              String evidence) {
        return new ShouldHaveLayerProperty(EXPECTING + "to have %s%s%nbut %s", image(actual), plain(layer),
                plain(expectation), plain(evidence));
    }

    private ShouldHaveLayerProperty(String format, Object... arguments) {
        super(format, arguments);
    }
}
