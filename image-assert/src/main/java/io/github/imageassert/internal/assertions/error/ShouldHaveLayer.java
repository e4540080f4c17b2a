package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The image has no layer at the index asked for (a negative index counts from the top). */
public final class ShouldHaveLayer extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLayer(LoadedImage image, int index, List<Layer> layers) {
        return new ShouldHaveLayer(EXPECTING + "to have at least %s layers%nbut it has %s:%s", image(image),
                Math.abs(index) + (index < 0 ? 0 : 1), layers.size(), plain(ImageEvidence.layerList(layers)));
    }

    private ShouldHaveLayer(String format, Object... arguments) {
        super(format, arguments);
    }
}
