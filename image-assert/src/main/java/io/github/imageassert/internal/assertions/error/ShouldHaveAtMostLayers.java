package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The image has more layers than allowed; lists them with their instructions. */
public final class ShouldHaveAtMostLayers extends ImageMessages {

    public static ErrorMessageFactory shouldHaveAtMostLayers(LoadedImage image, int max, List<Layer> layers) {
        return new ShouldHaveAtMostLayers(EXPECTING + "to have at most %s layers%nbut it has %s:%s", image(image), max,
                layers.size(), plain(ImageEvidence.layerList(layers)));
    }

    private ShouldHaveAtMostLayers(String format, Object... arguments) {
        super(format, arguments);
    }
}
