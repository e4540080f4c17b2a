package io.github.imageassert.image;

import java.util.List;
import java.util.Optional;

/**
 * Everything about an image that its config and manifest say, without its files.
 *
 * @param reference the name a user gave (tag, id or file), used in messages
 * @param id        the config digest ({@code sha256:...}), the engine's image id
 * @param history   every history step, including the empty ones
 */
public record ImageMetadata(String reference, String id, Platform platform, ImageConfig config,
                            List<Layer> layers, List<HistoryEntry> history) {

    public ImageMetadata {
        layers = List.copyOf(layers);
        history = List.copyOf(history);
    }

    /** Sum of the uncompressed layer sizes: what {@code docker images} shows. */
    public long size() {
        return layers.stream().mapToLong(Layer::size).sum();
    }

    /** Sum of the stored blob sizes, when the source knows every one of them. */
    public Optional<Long> compressedSize() {
        long total = 0;
        for (Layer layer : layers) {
            if (layer.compressedSize() < 0) {
                return Optional.empty();
            }
            total += layer.compressedSize();
        }
        return Optional.of(total);
    }
}
