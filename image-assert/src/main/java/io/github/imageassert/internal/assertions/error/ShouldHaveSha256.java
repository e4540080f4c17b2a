package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file's SHA-256 digest differs from the expected one. */
public final class ShouldHaveSha256 extends ImageMessages {

    public static ErrorMessageFactory shouldHaveSha256(LoadedImage image, Resolution file, String expectedHex, String actualHex) {
        return new ShouldHaveSha256(EXPECTING_FILE + "to have sha256 %s%nbut its sha256 is %s",
                file.requested(), image(image), plain(expectedHex), plain(actualHex));
    }

    private ShouldHaveSha256(String format, Object... arguments) {
        super(format, arguments);
    }
}
