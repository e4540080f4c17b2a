package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file belongs to another gid than expected. */
public final class ShouldHaveGid extends ImageMessages {

    public static ErrorMessageFactory shouldHaveGid(LoadedImage image, Resolution file, long gid) {
        return new ShouldHaveGid(EXPECTING_FILE + "to belong to gid %s%nbut its gid is %s",
                file.requested(), image(image), plain(Long.toString(gid)), plain(Long.toString(file.entry().gid())));
    }

    private ShouldHaveGid(String format, Object... arguments) {
        super(format, arguments);
    }
}
