package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** An image lacks paths its base has. */
public final class ShouldNotRemoveFiles extends ImageMessages {

    public static ErrorMessageFactory shouldNotRemoveFiles(LoadedImage actual, LoadedImage base, List<String> evidence, int total) {
        return new ShouldNotRemoveFiles(EXPECTING + "to keep every path of image:%n  %s%nbut %s are gone:%s", image(actual), image(base), total, lines(evidence, total));
    }

    private ShouldNotRemoveFiles(String format, Object... arguments) {
        super(format, arguments);
    }
}
