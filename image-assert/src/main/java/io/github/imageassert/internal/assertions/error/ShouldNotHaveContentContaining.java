package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file's content holds a text it must not; the evidence is the line it first is on. */
public final class ShouldNotHaveContentContaining extends ImageMessages {

    public static ErrorMessageFactory shouldNotHaveContentContaining(LoadedImage image, Resolution file, String unexpected,
                                                                     String content) {
        return new ShouldNotHaveContentContaining(EXPECTING_FILE + "to not contain:%n  \"%s\"%nbut it does, on line %s",
                file.requested(), image(image), plain(unexpected), plain(Integer.toString(FileContent.lineOf(content, unexpected))));
    }

    private ShouldNotHaveContentContaining(String format, Object... arguments) {
        super(format, arguments);
    }
}
