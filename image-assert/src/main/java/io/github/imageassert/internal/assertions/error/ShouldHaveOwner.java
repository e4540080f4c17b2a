package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file belongs to another uid:gid pair than expected. */
public final class ShouldHaveOwner extends ImageMessages {

    public static ErrorMessageFactory shouldHaveOwner(LoadedImage image, Resolution file, long uid, long gid) {
        return new ShouldHaveOwner(EXPECTING_FILE + "to be owned by %s%nbut it is owned by %s",
                file.requested(), image(image), plain(uid + ":" + gid), plain(file.entry().uid() + ":" + file.entry().gid()));
    }

    private ShouldHaveOwner(String format, Object... arguments) {
        super(format, arguments);
    }
}
