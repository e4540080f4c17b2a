package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** Nothing in a file's content matches a regex; the evidence is its beginning. */
public final class ShouldHaveContentMatching extends ImageMessages {

    public static ErrorMessageFactory shouldHaveContentMatching(LoadedImage image, Resolution file, String regex, String content) {
        return new ShouldHaveContentMatching(EXPECTING_FILE + "to have content matching:%n  %s%nbut nothing in it matches; it starts with:%n  \"%s\"",
                file.requested(), image(image), plain(regex), plain(FileContent.beginning(content)));
    }

    private ShouldHaveContentMatching(String format, Object... arguments) {
        super(format, arguments);
    }
}
