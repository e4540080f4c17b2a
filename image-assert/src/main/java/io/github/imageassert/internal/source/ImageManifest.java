package io.github.imageassert.internal.source;

import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.ImageMetadata;
import io.github.imageassert.image.Platform;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.json.ImageConfigJson;
import io.github.imageassert.internal.json.Json;
import java.util.ArrayList;
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

    /**
     * The manifest of an image whose config is {@code configBytes} and whose layer blobs are {@code refs} (without
     * diff ids): the config's diff ids checked and paired with the blobs, its history lined up with the layers.
     *
     * @param where how to name the image's origin in errors
     */
    public static ImageManifest fromConfig(String reference, byte[] configBytes, List<LayerRef> refs, String where) {
        ImageConfigJson config = Json.read(configBytes, ImageConfigJson.class, where + ": image config");
        List<String> diffIds = config.diffIds();
        if (diffIds.size() != refs.size()) {
            throw new InvalidImageException(InvalidImageException.Reason.LAYER_COUNT_MISMATCH, where + ": the config lists "
                    + diffIds.size() + " layers (rootfs.diff_ids) but the manifest has " + refs.size()
                    + ". The image is corrupt or was assembled by hand; export or copy it again.");
        }
        List<LayerRef> layers = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            if (!Digests.isSha256(diffIds.get(i))) {
                throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, where + ": the config's diff id " + i
                        + " ('" + diffIds.get(i) + "') is not a sha256 digest.");
            }
            layers.add(refs.get(i).withDiffId(diffIds.get(i)));
        }
        List<HistoryEntry> history = ConfigReader.history(config);
        return new ImageManifest(reference, Digests.sha256(configBytes), ConfigReader.platform(config),
                ConfigReader.config(config.config()), history, LayerHistory.attach(layers, history), null);
    }

    public ImageMetadata metadata() {
        Optional<Long> compressed = layers.stream().allMatch(l -> l.compressedSize() >= 0)
                ? Optional.of(layers.stream().mapToLong(LayerRef::compressedSize).sum()) : Optional.empty();
        return new ImageMetadata(reference, id, platform, config, history, layers.stream().map(LayerRef::diffId).toList(),
                compressed);
    }
}
