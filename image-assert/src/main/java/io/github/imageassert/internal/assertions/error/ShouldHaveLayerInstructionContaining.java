package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A layer was made by another instruction than expected. */
public final class ShouldHaveLayerInstructionContaining extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLayerInstructionContaining(LoadedImage image, Layer layer, String text) {
        return new ShouldHaveLayerInstructionContaining(EXPECTING + "to have %s an instruction containing \"%s\"%nbut it was made by: %s",
                image(image), plain(ImageEvidence.layer(image, layer.index())), plain(text), plain(layer.instruction()));
    }

    private ShouldHaveLayerInstructionContaining(String format, Object... arguments) {
        super(format, arguments);
    }
}
