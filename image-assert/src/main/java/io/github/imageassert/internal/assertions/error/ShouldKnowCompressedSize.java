package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image's source does not record compressed sizes, so a compressed budget cannot be checked. */
public final class ShouldKnowCompressedSize extends ImageMessages {

    public static ErrorMessageFactory shouldKnowCompressedSize(LoadedImage image, DataSize budget) {
        return new ShouldKnowCompressedSize(EXPECTING + "to have a compressed size less than %s%nbut its source records no "
                + "compressed sizes (an engine and a legacy docker save archive do not); read it from an OCI layout, "
                + "or assert on hasSizeLessThan", image(image), plain(budget.toString()));
    }

    private ShouldKnowCompressedSize(String format, Object... arguments) {
        super(format, arguments);
    }
}
