package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The image has another number of layers than expected; lists them with their instructions. */
public final class ShouldHaveLayerCount extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLayerCount(LoadedImage image, int expected, List<Layer> layers) {
        return new ShouldHaveLayerCount(EXPECTING + "to have exactly %s layers%nbut it has %s:%s", image(image), expected,
                layers.size(), plain(ImageEvidence.layerList(layers)));
    }

    private ShouldHaveLayerCount(String format, Object... arguments) {
        super(format, arguments);
    }
}
