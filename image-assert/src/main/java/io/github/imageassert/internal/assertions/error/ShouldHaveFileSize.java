package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file has another size, in bytes, than expected. */
public final class ShouldHaveFileSize extends ImageMessages {

    public static ErrorMessageFactory shouldHaveFileSize(LoadedImage image, Resolution file, long bytes) {
        return new ShouldHaveFileSize(EXPECTING_FILE + "to have %s bytes%nbut it has %s",
                file.requested(), image(image), plain(Long.toString(bytes)), plain(Long.toString(file.entry().size())));
    }

    private ShouldHaveFileSize(String format, Object... arguments) {
        super(format, arguments);
    }
}
