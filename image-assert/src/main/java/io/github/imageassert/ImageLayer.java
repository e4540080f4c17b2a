package io.github.imageassert;

import io.github.imageassert.image.Layer;
import java.util.List;
import java.util.Optional;

/**
 * A layer of an image, as a {@link LayerAssert} sees it.
 *
 * @param image the image
 * @param index the index asked for: 0 is the base; a negative one counts from the top (-1 is the last)
 */
public record ImageLayer(ContainerImage image, int index) {

    /** The layer at {@link #index()}, or empty when the image has no such layer. */
    public Optional<Layer> layer() {
        List<Layer> layers = image.layers();
        int i = index < 0 ? layers.size() + index : index;
        return i < 0 || i >= layers.size() ? Optional.empty() : Optional.of(layers.get(i));
    }

    @Override
    public String toString() {
        return "layer " + index + " of " + image.description();
    }
}
