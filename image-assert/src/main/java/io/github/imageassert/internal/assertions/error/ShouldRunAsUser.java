package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.users.ResolvedUser;
import org.assertj.core.error.ErrorMessageFactory;

/** The image runs as another user than expected. */
public final class ShouldRunAsUser extends ImageMessages {

    public static ErrorMessageFactory shouldRunAsUser(LoadedImage image, String expected, ResolvedUser user) {
        return new ShouldRunAsUser(EXPECTING + "to run as user:%n  %s%nbut %s", image(image), plain(expected), plain(user.describe()));
    }

    private ShouldRunAsUser(String format, Object... arguments) {
        super(format, arguments);
    }
}
