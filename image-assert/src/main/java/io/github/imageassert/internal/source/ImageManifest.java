package io.github.imageassert.internal.source;

import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.ImageMetadata;
import io.github.imageassert.image.Platform;
import java.util.List;
import java.util.Optional;

/**
 * What a source says about an image without reading its layers: the config, the history and each layer's
 * reference. Built once per image and never changed.
 *
 * @param engineSizes each layer's size as the engine reports it, when its history lines up with the layers; null
 *                    otherwise (the sizes then come from the layers' index)
 */
public record ImageManifest(String reference, String id, Platform platform, ImageConfig config,
                            List<HistoryEntry> history, List<LayerRef> layers, List<Long> engineSizes) {

    public ImageManifest {
        history = List.copyOf(history);
        layers = List.copyOf(layers);
        engineSizes = engineSizes == null ? null : List.copyOf(engineSizes);
    }

    public ImageMetadata metadata() {
        Optional<Long> compressed = layers.stream().allMatch(l -> l.compressedSize() >= 0)
                ? Optional.of(layers.stream().mapToLong(LayerRef::compressedSize).sum()) : Optional.empty();
        return new ImageMetadata(reference, id, platform, config, history, layers.stream().map(LayerRef::diffId).toList(),
                compressed);
    }
}
