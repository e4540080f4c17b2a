package io.github.imageassert;

/** Assertions on one layer of an image, reached through {@link ContainerImageAssert#layer(int)}. */
public class LayerAssert extends AbstractLayerAssert<LayerAssert> {

    /** Assertions on this layer of an image; a public constructor taking the actual is what soft proxies need. */
    public LayerAssert(ImageLayer actual) {
        super(actual, LayerAssert.class);
    }
}
