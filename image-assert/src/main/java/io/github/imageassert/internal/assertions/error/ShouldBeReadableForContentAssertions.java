package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file is too large for the content assertions, which read it whole. */
public final class ShouldBeReadableForContentAssertions extends ImageMessages {

    /** Megabytes, with the byte counts beside them: near the limit both round to the same megabytes. */
    private static final DataSize HUMAN = DataSize.parse("1 MB");

    public static ErrorMessageFactory shouldBeReadableForContentAssertions(LoadedImage image, Resolution file, long maxBytes) {
        return new ShouldBeReadableForContentAssertions(EXPECTING_FILE + "to have content no bigger than %s for content assertions%nbut it is %s",
                file.requested(), image(image), plain(ImageEvidence.size(HUMAN, maxBytes)), plain(ImageEvidence.size(HUMAN, file.entry().size())));
    }

    private ShouldBeReadableForContentAssertions(String format, Object... arguments) {
        super(format, arguments);
    }
}
