package io.github.imageassert.assertions.error;

import io.github.imageassert.ContainerImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A package that must be installed is not. */
public final class ShouldContainPackage extends ImageMessages {

    public static ErrorMessageFactory shouldContainPackage(ContainerImage actual, String noun, String name, String evidence) {
        return new ShouldContainPackage(EXPECTING + "to contain %s:%n  %s%nbut %s", image(actual), plain(noun), plain(name), plain(evidence));
    }

    private ShouldContainPackage(String format, Object... arguments) {
        super(format, arguments);
    }
}
