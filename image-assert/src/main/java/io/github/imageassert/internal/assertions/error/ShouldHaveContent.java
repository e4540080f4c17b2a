package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file's content is not exactly the expected text; the evidence is its beginning. */
public final class ShouldHaveContent extends ImageMessages {

    public static ErrorMessageFactory shouldHaveContent(LoadedImage image, Resolution file, String expected, String content) {
        return new ShouldHaveContent(EXPECTING_FILE + "to have content:%n  \"%s\"%nbut it has:%n  \"%s\"",
                file.requested(), image(image), plain(expected), plain(FileContent.beginning(content)));
    }

    private ShouldHaveContent(String format, Object... arguments) {
        super(format, arguments);
    }
}
