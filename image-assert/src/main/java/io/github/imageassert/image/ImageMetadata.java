package io.github.imageassert.image;

import java.util.List;
import java.util.Optional;

/**
 * Everything about an image that its config and manifest say, without reading its layers.
 *
 * @param reference      the name a user gave (tag, id or file), used in messages
 * @param id             the config digest ({@code sha256:...}), the engine's image id
 * @param history        every history step, including the empty ones
 * @param diffIds        the layers' diff ids ({@code sha256:} of each uncompressed tar), base first
 * @param compressedSize the sum of the stored layer blobs, when the source records every one of them
 */
public record ImageMetadata(String reference, String id, Platform platform, ImageConfig config,
                            List<HistoryEntry> history, List<String> diffIds, Optional<Long> compressedSize) {

    public ImageMetadata {
        history = List.copyOf(history);
        diffIds = List.copyOf(diffIds);
        compressedSize = compressedSize == null ? Optional.empty() : compressedSize;
    }

    /** The number of filesystem layers. */
    public int layerCount() {
        return diffIds.size();
    }
}
