package io.github.imageassert.internal.source;

import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.ContentVisitor;
import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.internal.tar.LayerContents;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.tar.LayerReader;
import io.github.imageassert.image.ImageMetadata;
import io.github.imageassert.image.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An image in a {@code docker save} archive (either layout) or in an OCI image layout, as a directory or a
 * tar. Blobs are read in place; nothing is unpacked to disk.
 */
public final class ArchiveSource implements ImageSource {

    private final Path path;
    private final String tag;
    private final Platform platform;
    private ImageMetadata metadata;
    private List<LayerRef> layerRefs;

    private ArchiveSource(Path path, String tag, Platform platform) {
        this.path = path;
        this.tag = tag;
        this.platform = platform;
    }

    /** A {@code docker save} archive; {@code tag} chooses among several images and may be null. */
    public static ArchiveSource dockerArchive(Path archive, String tag) {
        return new ArchiveSource(archive, tag, null);
    }

    /** An OCI layout directory or tar; {@code platform} null means the host's, else linux/amd64. */
    public static ArchiveSource ociLayout(Path layout, Platform platform) {
        return new ArchiveSource(layout, null, platform);
    }

    @Override
    public String origin() {
        return path.toAbsolutePath().toString();
    }

    @Override
    public String loadHint() {
        return "Load it first with `docker load -i " + path.toAbsolutePath() + "` (an OCI layout directory: tar it first, "
                + "and loading OCI layouts needs Docker 25+)";
    }

    @Override
    public String reference() {
        return metadata().reference();
    }

    @Override
    public synchronized ImageMetadata metadata() {
        if (metadata == null) {
            try (BlobStore store = BlobStore.open(path)) {
                ArchiveLayout.Files files = files(store);
                ArchiveLayout.Resolved resolved = ArchiveLayout.resolve(files, tag, platform);
                byte[] config = store.readSmall(resolved.configName(), "image config");
                List<LayerRef> refs = resolved.layers();
                for (LayerRef ref : refs) {
                    if (!store.exists(ref.name())) {
                        throw store.missing(ref.name(), "layer " + (ref.digest() == null ? "" : ref.digest()));
                    }
                }
                String reference = tag != null ? tag
                        : resolved.tags().isEmpty() ? path.getFileName().toString() : resolved.tags().get(0);
                // Sizes as the engine counts them need every entry: they are filled in when the layers are read.
                metadata = MetadataBuilder.build(reference, store.describe(), config, refs, i -> -1);
                layerRefs = refs;
            } catch (IOException e) {
                throw new UncheckedIOException("Reading " + path.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        return metadata;
    }

    @Override
    public List<LayerIndex> indexLayers(ContentCapture capture) {
        ImageMetadata meta = metadata();
        LayerReader reader = new LayerReader(capture);
        List<LayerIndex> out = new ArrayList<>();
        try (BlobStore store = BlobStore.open(path)) {
            for (int i = 0; i < layerRefs.size(); i++) {
                LayerRef ref = layerRefs.get(i);
                String label = i + " (" + meta.layers().get(i).diffId() + ") of " + store.describe();
                try (InputStream in = store.open(ref.name()).orElseThrow(() -> store.missing(ref.name(), "layer"))) {
                    LayerIndex index = reader.read(in, i, label);
                    if (!index.diffId().equals(meta.layers().get(i).diffId())) {
                        throw new CorruptLayerException("Layer " + label + " has content " + index.diffId()
                                + " but the config says " + meta.layers().get(i).diffId()
                                + ". The archive is corrupt; export the image again.", null);
                    }
                    out.add(index);
                }
            }
            synchronized (this) {
                List<io.github.imageassert.image.Layer> sized = new ArrayList<>();
                for (io.github.imageassert.image.Layer l : meta.layers()) {
                    sized.add(l.withSize(out.get(l.index()).contentSize()));
                }
                metadata = new ImageMetadata(meta.reference(), meta.id(), meta.platform(), meta.config(), sized, meta.history());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void readContents(Map<Integer, Set<String>> wanted, ContentVisitor visitor) {
        metadata();
        try (BlobStore store = BlobStore.open(path)) {
            for (Map.Entry<Integer, Set<String>> layer : new TreeMap<>(wanted).entrySet()) {
                String name = layerRefs.get(layer.getKey()).name();
                try (InputStream blob = store.open(name).orElseThrow(() -> store.missing(name, "layer"))) {
                    LayerContents.visit(blob, layer.getKey(), layer.getValue(), visitor);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading file contents from " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static ArchiveLayout.Files files(BlobStore store) {
        return new ArchiveLayout.Files() {
            @Override
            public Optional<byte[]> read(String name) throws IOException {
                if (!store.exists(name)) {
                    return Optional.empty();
                }
                try (InputStream in = store.open(name).orElseThrow(() -> store.missing(name, "metadata"))) {
                    return Optional.of(in.readAllBytes());
                }
            }

            @Override
            public String describe() {
                return store.describe();
            }
        };
    }
}
