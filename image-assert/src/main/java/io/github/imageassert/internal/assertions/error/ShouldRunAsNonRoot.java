package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A container from the image would run as root. */
public final class ShouldRunAsNonRoot extends ImageMessages {

    public static ErrorMessageFactory shouldRunAsNonRoot(LoadedImage actual, io.github.imageassert.users.ResolvedUser user) {
        return new ShouldRunAsNonRoot(EXPECTING + "to run as non-root,%nbut %s", image(actual), plain(user.isResolved() ? user.describe() : "USER \"" + user.raw() + "\" cannot be resolved: " + user.problem()));
    }

    private ShouldRunAsNonRoot(String format, Object... arguments) {
        super(format, arguments);
    }
}
