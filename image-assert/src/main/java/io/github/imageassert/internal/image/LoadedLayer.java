package io.github.imageassert.internal.image;

import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.source.LayerRef;
import io.github.imageassert.internal.store.StoredLayer;

/**
 * One layer of an image, read: its index, and where its contents can be read again: from the layer store, or
 * (when the store is off or could not take it) from the source, where it was found under {@code sourceName}.
 */
record LoadedLayer(LayerRef ref, LayerIndex index, StoredLayer stored, String sourceName) {

    boolean isStored() {
        return stored != null;
    }
}
