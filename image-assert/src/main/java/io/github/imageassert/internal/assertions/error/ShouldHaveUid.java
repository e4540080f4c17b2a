package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file belongs to another uid than expected. */
public final class ShouldHaveUid extends ImageMessages {

    public static ErrorMessageFactory shouldHaveUid(LoadedImage image, Resolution file, long uid) {
        return new ShouldHaveUid(EXPECTING_FILE + "to be owned by uid %s%nbut its uid is %s",
                file.requested(), image(image), plain(Long.toString(uid)), plain(Long.toString(file.entry().uid())));
    }

    private ShouldHaveUid(String format, Object... arguments) {
        super(format, arguments);
    }
}
