package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image runs as another user than expected. */
public final class ShouldRunAsUser extends ImageMessages {

    public static ErrorMessageFactory shouldRunAsUser(LoadedImage actual, String expected, io.github.imageassert.users.ResolvedUser user) {
        return new ShouldRunAsUser(EXPECTING + "to run as user:%n  %s%nbut %s", image(actual), plain(expected), plain(user.describe()));
    }

    private ShouldRunAsUser(String format, Object... arguments) {
        super(format, arguments);
    }
}
