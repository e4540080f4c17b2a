package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A path the image must not have is a symlink to nothing: it still names the path. */
public final class ShouldNotHaveDanglingLink extends ImageMessages {

    public static ErrorMessageFactory shouldNotHaveDanglingLink(LoadedImage image, String path, Resolution link) {
        return new ShouldNotHaveDanglingLink(EXPECTING + "not to have file:%n  %s%nbut it has:%n  %s (a dangling link)", image(image),
                path, plain(ImageEvidence.entry(image, link)));
    }

    private ShouldNotHaveDanglingLink(String format, Object... arguments) {
        super(format, arguments);
    }
}
