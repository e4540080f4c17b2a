package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A symbolic link points elsewhere than expected (targets compared as written). */
public final class ShouldHaveLinkTarget extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLinkTarget(LoadedImage image, Resolution file, String expected, String actual) {
        return new ShouldHaveLinkTarget(EXPECTING_FILE + "to link to %s%nbut it links to %s",
                file.requested(), image(image), plain(expected), plain(String.valueOf(actual)));
    }

    private ShouldHaveLinkTarget(String format, Object... arguments) {
        super(format, arguments);
    }
}
