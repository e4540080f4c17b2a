package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** An image adds or changes paths outside the directories it may touch. */
public final class ShouldOnlyChangeFilesUnder extends ImageMessages {

    public static ErrorMessageFactory shouldOnlyChangeFilesUnder(LoadedImage actual, String dirs, LoadedImage base, List<String> evidence, int total) {
        return new ShouldOnlyChangeFilesUnder(EXPECTING + "to add or change files only under %s relative to image:%n  %s%nbut %s paths outside differ:%s", image(actual), plain(dirs), image(base), total, lines(evidence, total));
    }

    private ShouldOnlyChangeFilesUnder(String format, Object... arguments) {
        super(format, arguments);
    }
}
