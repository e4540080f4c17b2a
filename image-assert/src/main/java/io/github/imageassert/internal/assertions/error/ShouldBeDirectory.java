package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file of the image is not a directory. */
public final class ShouldBeDirectory extends ImageMessages {

    public static ErrorMessageFactory shouldBeDirectory(LoadedImage image, Resolution file) {
        return new ShouldBeDirectory(EXPECTING_FILE + "to be a directory%nbut it is %s",
                file.requested(), image(image), plain(ImageEvidence.entry(image, file)));
    }

    private ShouldBeDirectory(String format, Object... arguments) {
        super(format, arguments);
    }
}
