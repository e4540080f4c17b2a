package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** A path the image should have is missing; says where the lookup stopped and which layer removed it, if one did. */
public final class ShouldHaveFile extends ImageMessages {

    public static ErrorMessageFactory shouldHaveFile(LoadedImage image, String path, Resolution lookup,
                                                     Optional<RemovedEntry> removal) {
        return new ShouldHaveFile(EXPECTING + "to have file:%n  %s%nbut %s", image(image), path,
                plain(ImageEvidence.missing(image, path, lookup, removal)));
    }

    private ShouldHaveFile(String format, Object... arguments) {
        super(format, arguments);
    }
}
