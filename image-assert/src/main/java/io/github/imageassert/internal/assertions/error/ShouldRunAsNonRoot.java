package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.users.ResolvedUser;
import org.assertj.core.error.ErrorMessageFactory;

/** A container from the image would run as root. */
public final class ShouldRunAsNonRoot extends ImageMessages {

    public static ErrorMessageFactory shouldRunAsNonRoot(LoadedImage image, ResolvedUser user) {
        return new ShouldRunAsNonRoot(EXPECTING + "to run as non-root,%nbut %s", image(image), plain(user.isResolved() ? user.describe() : "USER \"" + user.raw() + "\" cannot be resolved: " + user.problem()));
    }

    private ShouldRunAsNonRoot(String format, Object... arguments) {
        super(format, arguments);
    }
}
