package io.github.imageassert.internal.tar;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.ImagePaths;
import io.github.imageassert.internal.index.LayerIndex;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer's uncompressed tar into a {@link LayerIndex} in a single streaming pass, noting where each
 * entry's data starts so that its content is later one seek away. Names and modes are normalised:
 * {@code ./usr/bin/} and {@code usr/bin} are both {@code /usr/bin}, and the file-type bits some writers put into the
 * mode ({@code 040755}) are dropped.
 */
public final class LayerIndexer {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    /** Writers pad a tar to a record size; far more than that after the end blocks is not a layer. */
    private static final long MAX_TRAILER = 1 << 20;
    /**
     * What an eStargz blob adds to the layer's tar for lazy pulling; no container sees them. The stored index keeps
     * them (the same layer may be plain in another image's manifest); an eStargz layer's view drops them.
     */
    public static final java.util.Set<String> ESTARGZ_ENTRIES = java.util.Set.of("/stargz.index.json",
            "/.no.prefetch.landmark", "/.prefetch.landmark");

    private final ContentCapture capture;

    public LayerIndexer(ContentCapture capture) {
        this.capture = capture;
    }

    /** Indexes a layer blob as stored (plain, gzip or zstd), keeping none of its bytes. */
    public LayerIndex indexBlob(java.io.InputStream blob, int index, String label) {
        try {
            return index(new LayerStream(Compression.decompress(blob), null), index, label);
        } catch (IOException e) {
            throw new CorruptLayerException("Layer " + label + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param layer the stream of the layer's uncompressed tar; read to its end (the diff id covers every byte)
     * @param index the layer's place in its image, written into the entries
     * @param label how to name this layer in an error, e.g. {@code "2 (sha256:ab12...) of archive /tmp/a.tar"}
     */
    public LayerIndex index(LayerStream layer, int index, String label) {
        List<FileEntry> entries = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<String> whiteouts = new ArrayList<>();
        List<String> opaque = new ArrayList<>();
        Map<String, byte[]> contents = new HashMap<>();
        long contentSize = 0;
        try {
            TarArchiveInputStream tar = new TarArchiveInputStream(layer);
            TarArchiveEntry tarEntry;
            while ((tarEntry = tar.getNextEntry()) != null) {
                String path = TarNames.entryPath(tarEntry.getName(), label);
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (name.equals(OPAQUE_MARKER)) {
                    opaque.add(ImagePaths.parent(path));
                } else if (name.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
                    continue; // AUFS bookkeeping (.wh..wh.plnk and friends), not part of the filesystem
                } else if (name.startsWith(WHITEOUT_PREFIX)) {
                    whiteouts.add(ImagePaths.child(ImagePaths.parent(path), name.substring(WHITEOUT_PREFIX.length())));
                } else {
                    FileEntry entry = toEntry(tarEntry, path, index, label);
                    entries.add(entry);
                    offsets.add(entry.type() != FileType.REGULAR ? LayerIndex.NO_DATA
                            : tarEntry.isSparse() ? LayerIndex.SPARSE : tar.getBytesRead());
                    contentSize += entry.type() == FileType.SYMLINK
                            ? entry.linkTarget().getBytes(StandardCharsets.UTF_8).length : entry.size();
                    if (entry.type() == FileType.REGULAR && capture.wants(path, entry.size())) {
                        contents.put(path, tar.readAllBytes());
                    }
                }
            }
            layer.drain(MAX_TRAILER, label);
        } catch (EOFException e) {
            throw new CorruptLayerException("Layer " + label + " ends early: the tar is truncated ("
                    + e.getMessage() + "). Export or copy the image again.", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptLayerException("Layer " + label + " is not a readable tar: " + e.getMessage()
                    + ". The archive is corrupt or truncated; export or copy the image again.", e);
        }
        long[] at = offsets.stream().mapToLong(Long::longValue).toArray();
        return new LayerIndex(entries, at, whiteouts, opaque, contents, layer.diffId(), layer.count(), contentSize);
    }

    /**
     * True for a tar entry the index records as an entry: not a whiteout, an opaque marker or AUFS bookkeeping, nor
     * in an eStargz layer its table of contents or landmarks.
     */
    public static boolean isEntry(String tarName, boolean estargz) {
        String path = ImagePaths.normalize(tarName);
        return !path.substring(path.lastIndexOf('/') + 1).startsWith(WHITEOUT_PREFIX)
                && !(estargz && ESTARGZ_ENTRIES.contains(path));
    }

    private static FileType type(TarArchiveEntry e) {
        if (e.isSymbolicLink()) {
            return FileType.SYMLINK;
        } else if (e.isLink()) {
            return FileType.HARDLINK;
        } else if (e.isDirectory()) {
            return FileType.DIRECTORY;
        } else if (e.isCharacterDevice()) {
            return FileType.CHAR_DEVICE;
        } else if (e.isBlockDevice()) {
            return FileType.BLOCK_DEVICE;
        } else if (e.isFIFO()) {
            return FileType.FIFO;
        }
        return FileType.REGULAR;
    }

    private static FileEntry toEntry(TarArchiveEntry e, String path, int layer, String label) {
        FileType type = type(e);
        String link = switch (type) {
            case SYMLINK -> e.getLinkName();
            case HARDLINK -> TarNames.entryPath(e.getLinkName(), label);
            default -> null;
        };
        long size = type == FileType.REGULAR ? e.getRealSize() : 0;
        return new FileEntry(path, type, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), size, link,
                e.getLastModifiedTime().toInstant().getEpochSecond(), layer);
    }
}
