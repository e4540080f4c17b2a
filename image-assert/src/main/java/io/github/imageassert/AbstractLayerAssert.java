package io.github.imageassert;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.assertions.ImageLayers;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one layer of an image, reached through {@link AbstractContainerImageAssert#layer(int)}. Extend it to
 * add assertions of your own; {@link LayerAssert} is the concrete class.
 *
 * @param <SELF> the concrete assertion class, returned by every assertion so that they chain
 */
public abstract class AbstractLayerAssert<SELF extends AbstractLayerAssert<SELF>> extends AbstractAssert<SELF, ImageLayer> {

    private final ImageLayers layers = ImageLayers.instance();

    protected AbstractLayerAssert(ImageLayer actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The layer adds at most {@code budget} (e.g. {@code "50 MB"}), counted as {@code docker images} does. */
    public SELF hasSizeAtMost(String budget) {
        DataSize parsed = DataSize.parse(budget);
        return check(image -> layers.assertHasSizeAtMost(info, image, index(), parsed), parsed);
    }

    /** The instruction that made the layer contains {@code text}, e.g. {@code "COPY --from=builder"}. */
    public SELF hasInstructionContaining(String text) {
        return check(image -> layers.assertHasInstructionContaining(info, image, index(), text), text);
    }

    private LoadedImage image() {
        return actual == null ? null : actual.image().loaded();
    }

    /** Every assertion runs through here: it is what the run's report records (see {@link Recording}). */
    private SELF check(Consumer<LoadedImage> assertion, Object... arguments) {
        Recording.check(this, image(), actual == null ? "" : "layer(" + actual.index() + ")", arguments, assertion);
        return myself;
    }

    private int index() {
        return actual == null ? 0 : actual.index();
    }
}
