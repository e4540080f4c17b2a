package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A path of the image is not itself a symbolic link; the evidence is what the path leads to. */
public final class ShouldBeSymlink extends ImageMessages {

    public static ErrorMessageFactory shouldBeSymlink(LoadedImage image, Resolution file) {
        return new ShouldBeSymlink(EXPECTING_FILE + "to be a symbolic link%nbut it is %s",
                file.requested(), image(image), plain(ImageEvidence.entry(image, file)));
    }

    private ShouldBeSymlink(String format, Object... arguments) {
        super(format, arguments);
    }
}
