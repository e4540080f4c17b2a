package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** The app's package.json, which the npm dev-dependency check reads from the image, is not there. */
public final class ShouldHavePackageJson extends ImageMessages {

    public static ErrorMessageFactory shouldHavePackageJson(LoadedImage image, String path, Resolution lookup,
                                                            Optional<RemovedEntry> removal) {
        return new ShouldHavePackageJson(EXPECTING + "to have file:%n  %s%nbut %s; the check needs the app's package.json",
                image(image), path, plain(ImageEvidence.missing(image, path, lookup, removal)));
    }

    private ShouldHavePackageJson(String format, Object... arguments) {
        super(format, arguments);
    }
}
