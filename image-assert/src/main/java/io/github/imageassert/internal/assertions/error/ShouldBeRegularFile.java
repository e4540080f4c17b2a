package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file of the image is a directory, a link or a device where a regular file was expected. */
public final class ShouldBeRegularFile extends ImageMessages {

    public static ErrorMessageFactory shouldBeRegularFile(LoadedImage image, Resolution file) {
        return new ShouldBeRegularFile(EXPECTING_FILE + "to be a regular file%nbut it is %s",
                file.requested(), image(image), plain(ImageEvidence.entry(image, file)));
    }

    private ShouldBeRegularFile(String format, Object... arguments) {
        super(format, arguments);
    }
}
