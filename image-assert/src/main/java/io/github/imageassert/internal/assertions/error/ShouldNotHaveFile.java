package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A path the image must not have is present; says what it is and which layer added it. */
public final class ShouldNotHaveFile extends ImageMessages {

    public static ErrorMessageFactory shouldNotHaveFile(LoadedImage image, String path, Resolution found) {
        return new ShouldNotHaveFile(EXPECTING + "not to have file:%n  %s%nbut it has:%n  %s", image(image), path,
                plain(ImageEvidence.entry(image, found)));
    }

    private ShouldNotHaveFile(String format, Object... arguments) {
        super(format, arguments);
    }
}
