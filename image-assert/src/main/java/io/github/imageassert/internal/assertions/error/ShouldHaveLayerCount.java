package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The number of layers is off. */
public final class ShouldHaveLayerCount extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLayerCount(LoadedImage actual, String comparison, int expected, java.util.List<io.github.imageassert.image.Layer> layers) {
        return new ShouldHaveLayerCount(EXPECTING + "to have %s %s layers%nbut it has %s:%s", image(actual), plain(comparison), expected, layers.size(), plain(layers.stream().map(l -> String.format("%n    %d: %s", l.index(), l.history() == null ? "(no history)" : l.history().instruction(100))).collect(java.util.stream.Collectors.joining())));
    }

    private ShouldHaveLayerCount(String format, Object... arguments) {
        super(format, arguments);
    }
}
