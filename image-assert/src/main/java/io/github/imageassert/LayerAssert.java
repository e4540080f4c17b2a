package io.github.imageassert;

import io.github.imageassert.internal.assertions.ImageFacts;
import static io.github.imageassert.internal.assertions.error.ShouldHaveLayerProperty.shouldHaveLayerProperty;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.image.Layer;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one layer, reached through {@link ContainerImageAssert#layer(int)}. */
public class LayerAssert extends AbstractAssert<LayerAssert, Layer> {

    private final ContainerImage image;

    public LayerAssert(ContainerImage image, Layer actual) {
        super(actual, LayerAssert.class);
        this.image = image;
    }

    private String name() {
        return ImageFacts.layer(image.loaded(), actual.index());
    }

    public LayerAssert hasSizeAtMost(String budget) {
        isNotNull();
        DataSize max = DataSize.parse(budget);
        if (actual.size() > max.bytes()) {
            throwAssertionError(shouldHaveLayerProperty(image.loaded(), name(), " a size of at most " + max,
                    "it is " + max.format(actual.size()) + " (" + actual.size() + " bytes)"));
        }
        return myself;
    }

    /** The instruction that made the layer contains {@code text}, e.g. {@code "COPY --from=builder"}. */
    public LayerAssert hasInstructionContaining(String text) {
        isNotNull();
        if (!actual.instruction().contains(text)) {
            throwAssertionError(shouldHaveLayerProperty(image.loaded(), name(), " an instruction containing \"" + text + "\"",
                    "it was made by: " + actual.instruction()));
        }
        return myself;
    }
}
