package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file is over its size budget. */
public final class ShouldHaveFileSizeLessThan extends ImageMessages {

    public static ErrorMessageFactory shouldHaveFileSizeLessThan(LoadedImage image, Resolution file, DataSize budget) {
        return new ShouldHaveFileSizeLessThan(EXPECTING_FILE + "to be smaller than %s%nbut it is %s",
                file.requested(), image(image), plain(budget.toString()), plain(ImageEvidence.size(budget, file.entry().size())));
    }

    private ShouldHaveFileSizeLessThan(String format, Object... arguments) {
        super(format, arguments);
    }
}
