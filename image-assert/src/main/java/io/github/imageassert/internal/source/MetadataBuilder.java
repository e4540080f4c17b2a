package io.github.imageassert.internal.source;

import io.github.imageassert.image.InvalidImageException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.ImageMetadata;
import io.github.imageassert.image.Layer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntToLongFunction;

/** Builds {@link ImageMetadata} from a config blob and the layers an archive lists for it. */
public final class MetadataBuilder {

    private MetadataBuilder() {
    }

    public static ImageMetadata build(String reference, String where, byte[] configJson, List<LayerRef> refs,
                               IntToLongFunction uncompressedSize) {
        JsonNode config = ConfigParser.parse(configJson, where + ": image config");
        List<String> diffIds = ConfigParser.diffIds(config);
        if (diffIds.size() != refs.size()) {
            throw new InvalidImageException(InvalidImageException.Reason.LAYER_COUNT_MISMATCH, where + ": the config lists "
                    + diffIds.size() + " layers (rootfs.diff_ids) but the manifest has " + refs.size()
                    + ". The archive is corrupt or was assembled by hand; export the image again.");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            LayerRef ref = refs.get(i);
            layers.add(new Layer(i, diffIds.get(i), ref.digest(), uncompressedSize.applyAsLong(i), ref.compressedSize(),
                    ref.mediaType(), null));
        }
        List<HistoryEntry> history = ConfigParser.history(config);
        return new ImageMetadata(reference, "sha256:" + sha256(configJson), ConfigParser.platform(config),
                ConfigParser.config(config), LayerHistory.attach(layers, history), history);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
