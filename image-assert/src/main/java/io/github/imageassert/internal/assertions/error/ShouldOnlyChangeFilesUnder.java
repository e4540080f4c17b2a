package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.analysis.ImageDiff;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** An image adds or changes paths outside the directories it may touch; lists them with the layer that made each. */
public final class ShouldOnlyChangeFilesUnder extends ImageMessages {

    private static final int SHOWN = 20;

    /**
     * @param added   the lookups of the paths added outside {@code dirs}, in the image
     * @param changed the paths changed outside {@code dirs}
     */
    public static ErrorMessageFactory shouldOnlyChangeFilesUnder(LoadedImage image, LoadedImage base, List<String> dirs,
                                                                 List<Resolution> added, List<ImageDiff.Change> changed) {
        List<String> outside = new ArrayList<>();
        added.forEach(r -> outside.add("+ " + ImageEvidence.entry(image, r)));
        changed.forEach(c -> outside.add("~ " + c.after().path() + ": " + c.what() + ", by "
                + ImageEvidence.layer(image, c.after().layer())));
        return new ShouldOnlyChangeFilesUnder(EXPECTING + "to add or change files only under %s relative to image:%n  %s%n"
                + "but %s paths outside differ:%s", image(image), plain(dirs.toString()), image(base), outside.size(),
                lines(outside.subList(0, Math.min(SHOWN, outside.size())), outside.size()));
    }

    private ShouldOnlyChangeFilesUnder(String format, Object... arguments) {
        super(format, arguments);
    }
}
