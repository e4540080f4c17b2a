package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image ships more hidden (overwritten or deleted) bytes than allowed; lists the largest with their layers. */
public final class ShouldHaveWasteAtMost extends ImageMessages {

    public static ErrorMessageFactory shouldHaveWasteAtMost(LoadedImage actual, String budget, String wasted,
                                                           String efficiency, String evidence) {
        return new ShouldHaveWasteAtMost(EXPECTING + "to waste at most %s on files that later layers overwrite or delete%n"
                + "but it wastes %s (efficiency %s). Largest hidden copies:%s",
                image(actual), plain(budget), plain(wasted), plain(efficiency), plain(evidence));
    }

    private ShouldHaveWasteAtMost(String format, Object... arguments) {
        super(format, arguments);
    }
}
