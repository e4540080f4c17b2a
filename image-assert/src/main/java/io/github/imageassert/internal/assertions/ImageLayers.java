package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveLayer.shouldHaveLayer;
import static io.github.imageassert.internal.assertions.error.ShouldHaveLayerInstructionContaining.shouldHaveLayerInstructionContaining;
import static io.github.imageassert.internal.assertions.error.ShouldHaveLayerSizeAtMost.shouldHaveLayerSizeAtMost;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/**
 * Assertions on one layer of an image, given by index (a negative one counts from the top). A soft assertion goes
 * on after navigating to a layer the image lacks, so every assertion here first requires the layer to exist.
 */
public final class ImageLayers {

    private static final ImageLayers INSTANCE = new ImageLayers();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private ImageLayers() {
    }

    public static ImageLayers instance() {
        return INSTANCE;
    }

    /** The layer at {@code index}, failing when the image has no such layer. */
    public Layer assertHasLayer(AssertionInfo info, LoadedImage image, int index) {
        objects.assertNotNull(info, image);
        List<Layer> layers = image.layers();
        int i = index < 0 ? layers.size() + index : index;
        if (i < 0 || i >= layers.size()) {
            throw failures.failure(info, shouldHaveLayer(image, index, layers));
        }
        return layers.get(i);
    }

    public void assertHasSizeAtMost(AssertionInfo info, LoadedImage image, int index, DataSize max) {
        assertHasSizeAtMost(info, image, assertHasLayer(info, image, index), max);
    }

    /** For assertions on every layer of an image, which need no index. */
    public void assertHasSizeAtMost(AssertionInfo info, LoadedImage image, Layer layer, DataSize max) {
        if (layer.size() > max.bytes()) {
            throw failures.failure(info, shouldHaveLayerSizeAtMost(image, layer, max));
        }
    }

    /** The instruction that made the layer contains {@code text}. */
    public void assertHasInstructionContaining(AssertionInfo info, LoadedImage image, int index, String text) {
        Layer layer = assertHasLayer(info, image, index);
        if (!layer.instruction().contains(text)) {
            throw failures.failure(info, shouldHaveLayerInstructionContaining(image, layer, text));
        }
    }
}
