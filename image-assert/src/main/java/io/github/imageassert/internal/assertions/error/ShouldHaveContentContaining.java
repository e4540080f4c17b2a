package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file's content lacks a text; the evidence is its beginning. */
public final class ShouldHaveContentContaining extends ImageMessages {

    public static ErrorMessageFactory shouldHaveContentContaining(LoadedImage image, Resolution file, String expected,
                                                                  String content) {
        return new ShouldHaveContentContaining(EXPECTING_FILE + "to contain:%n  \"%s\"%nbut it does not; it starts with:%n  \"%s\"",
                file.requested(), image(image), plain(expected), plain(FileContent.beginning(content)));
    }

    private ShouldHaveContentContaining(String format, Object... arguments) {
        super(format, arguments);
    }
}
