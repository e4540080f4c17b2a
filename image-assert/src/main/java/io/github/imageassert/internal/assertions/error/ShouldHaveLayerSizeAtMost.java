package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A layer is over its size budget. */
public final class ShouldHaveLayerSizeAtMost extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLayerSizeAtMost(LoadedImage image, Layer layer, DataSize max) {
        return new ShouldHaveLayerSizeAtMost(EXPECTING + "to have %s a size of at most %s%nbut it is %s", image(image),
                plain(ImageEvidence.layer(image, layer.index())), plain(max.toString()), plain(ImageEvidence.size(max, layer.size())));
    }

    private ShouldHaveLayerSizeAtMost(String format, Object... arguments) {
        super(format, arguments);
    }
}
