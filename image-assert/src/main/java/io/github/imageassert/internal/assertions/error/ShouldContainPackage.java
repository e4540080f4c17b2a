package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A package that must be installed is not. */
public final class ShouldContainPackage extends ImageMessages {

    public static ErrorMessageFactory shouldContainPackage(LoadedImage actual, String noun, String name, String evidence) {
        return new ShouldContainPackage(EXPECTING + "to contain %s:%n  %s%nbut %s", image(actual), plain(noun), plain(name), plain(evidence));
    }

    private ShouldContainPackage(String format, Object... arguments) {
        super(format, arguments);
    }
}
