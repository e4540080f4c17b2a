package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image, as stored (compressed), is not under its size budget. */
public final class ShouldHaveCompressedSizeLessThan extends ImageMessages {

    public static ErrorMessageFactory shouldHaveCompressedSizeLessThan(LoadedImage image, DataSize budget, long compressed) {
        return new ShouldHaveCompressedSizeLessThan(EXPECTING + "to have a compressed size less than %s%nbut it is %s", image(image),
                plain(budget.toString()), plain(ImageEvidence.overBudget(budget, compressed)));
    }

    private ShouldHaveCompressedSizeLessThan(String format, Object... arguments) {
        super(format, arguments);
    }
}
