package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** Anyone may write a file that only its owner or group should. */
public final class ShouldNotBeWritableByOthers extends ImageMessages {

    public static ErrorMessageFactory shouldNotBeWritableByOthers(LoadedImage image, Resolution file) {
        return new ShouldNotBeWritableByOthers(EXPECTING_FILE + "to not be writable by others%nbut its mode is %s",
                file.requested(), image(image), plain(file.entry().modeString()));
    }

    private ShouldNotBeWritableByOthers(String format, Object... arguments) {
        super(format, arguments);
    }
}
