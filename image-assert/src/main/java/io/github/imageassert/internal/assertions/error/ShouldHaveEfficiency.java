package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A dive-style ratio rule (efficiency, user wasted share) is not met. */
public final class ShouldHaveEfficiency extends ImageMessages {

    public static ErrorMessageFactory shouldHaveEfficiency(LoadedImage actual, String expected, String measured, String wasted, String evidence) {
        return new ShouldHaveEfficiency(EXPECTING + "to have %s%nbut it has %s: it wastes %s on files that later layers overwrite or delete. Largest hidden copies:%s", image(actual), plain(expected), plain(measured), plain(wasted), plain(evidence));
    }

    private ShouldHaveEfficiency(String format, Object... arguments) {
        super(format, arguments);
    }
}
