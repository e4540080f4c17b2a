package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Anyone may write files outside sticky directories. */
public final class ShouldHaveNoWorldWritableFiles extends ImageMessages {

    public static ErrorMessageFactory shouldHaveNoWorldWritableFiles(LoadedImage image, List<Resolution> shown, int total) {
        List<String> evidence = shown.stream().map(r -> ImageEvidence.entry(image, r)).toList();
        return new ShouldHaveNoWorldWritableFiles(EXPECTING + "to have no world-writable file outside sticky directories%n"
                + "but found %s:%s", image(image), total, lines(evidence, total));
    }

    private ShouldHaveNoWorldWritableFiles(String format, Object... arguments) {
        super(format, arguments);
    }
}
