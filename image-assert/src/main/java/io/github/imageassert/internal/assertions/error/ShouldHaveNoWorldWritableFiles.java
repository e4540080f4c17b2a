package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Anyone may write files outside sticky directories. */
public final class ShouldHaveNoWorldWritableFiles extends ImageMessages {

    public static ErrorMessageFactory shouldHaveNoWorldWritableFiles(LoadedImage actual, List<String> evidence, int total) {
        return new ShouldHaveNoWorldWritableFiles(EXPECTING + "to have no world-writable file outside sticky directories%nbut found %s:%s", image(actual), total, lines(evidence, total));
    }

    private ShouldHaveNoWorldWritableFiles(String format, Object... arguments) {
        super(format, arguments);
    }
}
