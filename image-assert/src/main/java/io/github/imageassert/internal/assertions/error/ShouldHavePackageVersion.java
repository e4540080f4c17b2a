package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A package is installed at another version than expected. */
public final class ShouldHavePackageVersion extends ImageMessages {

    public static ErrorMessageFactory shouldHavePackageVersion(LoadedImage actual, String noun, String name, String expected, String evidence) {
        return new ShouldHavePackageVersion(EXPECTING + "to contain %s:%n  %s%nat version:%n  %s%nbut %s", image(actual), plain(noun), plain(name), plain(expected), plain(evidence));
    }

    private ShouldHavePackageVersion(String format, Object... arguments) {
        super(format, arguments);
    }
}
