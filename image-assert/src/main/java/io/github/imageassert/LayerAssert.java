package io.github.imageassert;

/** Assertions on one layer of an image, reached through {@link ContainerImageAssert#layer(int)}. */
public class LayerAssert extends AbstractLayerAssert<LayerAssert> {

    public LayerAssert(ImageLayer actual) {
        super(actual, LayerAssert.class);
    }
}
