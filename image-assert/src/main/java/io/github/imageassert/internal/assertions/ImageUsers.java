package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldRunAsNonRoot.shouldRunAsNonRoot;
import static io.github.imageassert.internal.assertions.error.ShouldRunAsUser.shouldRunAsUser;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.users.ResolvedUser;
import io.github.imageassert.users.UserDatabase;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/** Assertions on who a container from the image runs as, names resolved through the image's own /etc/passwd. */
public final class ImageUsers {

    private static final ImageUsers INSTANCE = new ImageUsers();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private ImageUsers() {
    }

    public static ImageUsers instance() {
        return INSTANCE;
    }

    /** The effective uid is not 0; USER unset means root, and a name that does not resolve fails too. */
    public void assertRunsAsNonRoot(AssertionInfo info, LoadedImage image) {
        objects.assertNotNull(info, image);
        ResolvedUser user = image.user();
        if (!user.isResolved() || user.isRoot()) {
            throw failures.failure(info, shouldRunAsNonRoot(image, user));
        }
    }

    /** {@code user} is a name or a uid; a name matches the configured name, or any name with the same uid. */
    public void assertRunsAsUser(AssertionInfo info, LoadedImage image, String user) {
        java.util.Objects.requireNonNull(user, "user");
        objects.assertNotNull(info, image);
        ResolvedUser resolved = image.user();
        boolean matches = resolved.isResolved() && (UserDatabase.isNumeric(user)
                ? resolved.uid() == Long.parseLong(user)
                : user.equals(resolved.name()) || image.users().user(user).map(u -> u.uid() == resolved.uid()).orElse(false));
        if (!matches) {
            throw failures.failure(info, shouldRunAsUser(image, user, resolved));
        }
    }
}
