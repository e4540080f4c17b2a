package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file of the image lacks a property: its type, mode, owner, size or content. */
public final class ShouldHaveFileProperty extends ImageMessages {

    public static ErrorMessageFactory shouldHaveFileProperty(LoadedImage actual, String path, String expectation,
                                                             String evidence) {
        return new ShouldHaveFileProperty("%nExpecting file:%n  %s%nof image:%n  %s%nto %s%nbut %s",
                path, image(actual), plain(expectation), plain(evidence));
    }

    private ShouldHaveFileProperty(String format, Object... arguments) {
        super(format, arguments);
    }
}
