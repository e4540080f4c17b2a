package io.github.imageassert.internal.store;

import io.github.imageassert.internal.index.LayerIndex;
import java.io.IOException;
import java.nio.file.Path;

/** A layer the store holds: its index, and its blob to read contents from. */
public final class StoredLayer {

    private final LayerIndex index;
    private final Path blob;
    private final BlobChunks chunks;

    StoredLayer(LayerIndex index, Path blob, BlobChunks chunks) {
        this.index = index;
        this.blob = blob;
        this.chunks = chunks;
    }

    public LayerIndex index() {
        return index;
    }

    /** The same stored layer, its entries labelled as layer {@code layer} of an image. */
    public StoredLayer atLayer(int layer) {
        return new StoredLayer(index.atLayer(layer), blob, chunks);
    }

    /**
     * A reader of the blob's bytes, each checked against its chunk's checksum.
     *
     * @throws BlobReader.CorruptBlobException when the blob is gone, cut short or not the size stored
     */
    public BlobReader reader() throws IOException {
        try {
            return new BlobReader(blob, chunks);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BlobReader.CorruptBlobException(blob + " is gone (evicted or deleted)");
        }
    }
}
