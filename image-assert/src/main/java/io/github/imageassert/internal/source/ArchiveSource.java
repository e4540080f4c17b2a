package io.github.imageassert.internal.source;

import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.digest.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import io.github.imageassert.image.InvalidImageException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * An image in a {@code docker save} archive (either layout) or in an OCI image layout, as a directory or a
 * tar. Blobs are read in place; nothing is unpacked to disk.
 */
public final class ArchiveSource implements ImageSource {

    private final Path path;
    private final String tag;
    private final Platform platform;
    private final boolean ociLayout;
    private final Once<ImageManifest> manifest = new Once<>(this::readManifest);

    private ArchiveSource(Path path, String tag, Platform platform, boolean ociLayout) {
        this.path = path;
        this.tag = tag;
        this.platform = platform;
        this.ociLayout = ociLayout;
    }

    /** A {@code docker save} archive; {@code tag} chooses among several images and may be null. */
    public static ArchiveSource dockerArchive(Path archive, String tag) {
        return new ArchiveSource(archive, tag, null, false);
    }

    /** An OCI layout directory or tar; {@code platform} null means the host's, else linux/amd64. */
    public static ArchiveSource ociLayout(Path layout, Platform platform) {
        return new ArchiveSource(layout, null, platform, true);
    }

    @Override
    public String reference() {
        return manifest().reference();
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
    public ImageManifest manifest() {
        return manifest.get();
    }

    private ImageManifest readManifest() {
        try (ArchiveFiles files = ArchiveFiles.open(path)) {
            ArchiveLayout.Resolved resolved = ArchiveLayout.resolve(files, tag, platform, ociLayout);
            byte[] configBytes = files.requireDocument(resolved.config(), "image config");
            if (resolved.configDigest() != null) {
                ArchiveLayout.checkDigest(files, configBytes, resolved.configDigest(), resolved.configSize(), "image config");
            }
            for (LayerRef r : resolved.layers()) {
                if (!files.exists(r.name())) {
                    throw r.nonDistributable() ? r.notDistributed(files.describe())
                            : files.missing(r.name(), "layer " + (r.digest() == null ? r.index() : r.digest()));
                }
            }
            String reference = tag != null ? tag
                    : resolved.tags().isEmpty() ? path.getFileName().toString() : resolved.tags().get(0);
            return ImageManifest.fromConfig(reference, configBytes, resolved.layers(), files.describe());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private InvalidImageException unreadable(IOException e) {
        return new InvalidImageException(InvalidImageException.Reason.CORRUPT_ARCHIVE, path.toAbsolutePath() + " cannot be read ("
                + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Export or copy the image again.", e);
    }

    /** Each wanted layer's blob, read in place and checked against its digest and size where the manifest gives them. */
    @Override
    public void deliver(Set<String> wanted, LayerSink sink) {
        Set<String> done = new HashSet<>();
        try (ArchiveFiles files = ArchiveFiles.open(path)) {
            for (LayerRef ref : manifest().layers()) {
                if (!wanted.contains(ref.diffId()) || !done.add(ref.diffId())) {
                    continue;
                }
                try (InputStream blob = files.open(ref.name()).orElseThrow(() -> files.missing(ref.name(), "layer"))) {
                    InputStream checked = ref.digest() == null && ref.compressedSize() < 0 ? blob
                            : new VerifyingInputStream(blob, ref.digest(), ref.compressedSize(),
                                    "Layer " + ref.index() + " (" + ref.name() + ") of " + files.describe());
                    // the blob's size bounds how far it may expand, also where the manifest does not give it
                    long size = ref.compressedSize() >= 0 ? ref.compressedSize() : files.size(ref.name());
                    sink.accept(ref.withCompressedSize(size), ref.name(), checked);
                } catch (IOException e) {
                    // the sink turns what it finds in a layer into typed errors: what is left is reading the archive
                    throw files.unreadable(ref.name() + " (layer " + ref.index() + ")", e);
                }
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }
}
