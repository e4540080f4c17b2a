package io.github.imageassert.internal.tar;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.ImagePaths;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.limits.ImageBudget;
import io.github.imageassert.internal.limits.Limit;
import io.github.imageassert.internal.limits.Limits;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Reads one layer's uncompressed tar into a {@link LayerIndex} in a single streaming pass, noting where each
 * entry's data starts so that its content is later one seek away. Names and modes are normalised:
 * {@code ./usr/bin/} and {@code usr/bin} are both {@code /usr/bin}, and the file-type bits some writers put into the
 * mode ({@code 040755}) are dropped. The layer's entries, paths and tar headers are held to the {@link Limits}.
 */
public final class LayerIndexer {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    /**
     * Contents captured from one layer in all: a real layer's package databases and user files are a few MB; a layer
     * of thousands of files at captured paths would otherwise hold them all in memory. Past it, files are read on demand.
     */
    static final long MAX_CAPTURED = 32 << 20;
    /** Writers pad a tar to a record size; far more than that after the end blocks is not a layer. */
    private static final long MAX_TRAILER = 1 << 20;
    /**
     * What an eStargz blob adds to the layer's tar for lazy pulling; no container sees them. The stored index keeps
     * them (the same layer may be plain in another image's manifest); an eStargz layer's view drops them.
     */
    public static final java.util.Set<String> ESTARGZ_ENTRIES = java.util.Set.of("/stargz.index.json",
            "/.no.prefetch.landmark", "/.prefetch.landmark");

    private final ContentCapture capture;
    private final Limits limits;

    /** An indexer under the limits this JVM's settings give. */
    public LayerIndexer(ContentCapture capture) {
        this(capture, Limits.fromEnvironment());
    }

    public LayerIndexer(ContentCapture capture, Limits limits) {
        this.capture = capture;
        this.limits = limits;
    }

    /** Indexes a layer blob as stored (plain, gzip or zstd), keeping none of its bytes. */
    public LayerIndex indexBlob(java.io.InputStream blob, int index, String label) {
        try {
            return index(new LayerStream(Compression.decompress(blob), null, new ImageBudget(limits, 0).layer(label, -1)),
                    index, label);
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
        Builder built = new Builder(index, label);
        try {
            BoundedTarInputStream tar = BoundedTarInputStream.of(layer, limits);
            TarArchiveEntry tarEntry;
            // one call per entry: a loop whose body the JIT compiles on its own, once, with a profile of every entry
            // (compiled inside one long call per layer, it was recompiled as each layer brought a kind of entry the
            // last had not: 2 to 3 s of compiler time on 2 cores while the export streamed)
            while ((tarEntry = tar.getNextEntry()) != null) {
                built.add(tarEntry, tar);
            }
            layer.drain(MAX_TRAILER, label);
        } catch (Limits.ExceededIOException e) {
            throw e.toException("Layer " + label);
        } catch (EOFException e) {
            throw new CorruptLayerException("Layer " + label + " ends early: the tar is truncated ("
                    + e.getMessage() + "). Export or copy the image again.", e);
        } catch (IOException | IllegalArgumentException e) {
            Limits.ExceededIOException.in(e).ifPresent(limit -> {
                throw limit.toException("Layer " + label);
            });
            throw new CorruptLayerException("Layer " + label + " is not a readable tar: " + e.getMessage()
                    + ". The archive is corrupt or truncated; export or copy the image again.", e);
        }
        return built.build(layer);
    }

    /** What one layer's entries add up to, one tar entry at a time. */
    private final class Builder {
        private final int index;
        private final String label;
        private final long maxEntries = limits.get(Limit.LAYER_ENTRIES);
        private final List<FileEntry> entries = new ArrayList<>();
        private long[] offsets = new long[256];
        private final List<String> whiteouts = new ArrayList<>();
        private final List<String> opaque = new ArrayList<>();
        private final Map<String, byte[]> contents = new HashMap<>();
        private long contentSize;
        private long count;
        private long captured;

        Builder(int index, String label) {
            this.index = index;
            this.label = label;
        }

        void add(TarArchiveEntry tarEntry, BoundedTarInputStream tar) throws IOException {
            if (++count > maxEntries) {
                throw limits.exceeded(Limit.LAYER_ENTRIES, "Layer " + label, "it has more than "
                        + Limit.LAYER_ENTRIES.format(maxEntries) + " entries");
            }
            String path = TarNames.entryPath(tarEntry.getName(), label);
            checkPath(path, tarEntry.getName(), label);
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.equals(OPAQUE_MARKER)) {
                opaque.add(ImagePaths.parent(path));
            } else if (name.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
                return; // AUFS bookkeeping (.wh..wh.plnk and friends), not part of the filesystem
            } else if (name.startsWith(WHITEOUT_PREFIX)) {
                whiteouts.add(ImagePaths.child(ImagePaths.parent(path), name.substring(WHITEOUT_PREFIX.length())));
            } else {
                addEntry(toEntry(tarEntry, path, index, label), tarEntry, tar);
            }
        }

        private void addEntry(FileEntry entry, TarArchiveEntry tarEntry, BoundedTarInputStream tar) throws IOException {
            checkTarget(entry, label);
            if (entries.size() == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[entries.size()] = entry.type() != FileType.REGULAR ? LayerIndex.NO_DATA
                    : tarEntry.isSparse() ? LayerIndex.SPARSE : tar.dataOffset();
            entries.add(entry);
            contentSize += entry.type() == FileType.SYMLINK
                    ? entry.linkTarget().getBytes(StandardCharsets.UTF_8).length : entry.size();
            String path = entry.path();
            if (entry.type() == FileType.REGULAR && captured + entry.size() <= MAX_CAPTURED
                    && capture.wants(path, entry.size())) {
                byte[] bytes = tar.readAllBytes();
                contents.put(path, bytes);
                captured += bytes.length;
            } else {
                contents.remove(path); // what an earlier copy of the path held is not this entry's
            }
        }

        LayerIndex build(LayerStream layer) {
            return new LayerIndex(entries, Arrays.copyOf(offsets, entries.size()), whiteouts, opaque, contents,
                    layer.diffId(), layer.count(), contentSize);
        }
    }

    /** A path longer or deeper than any filesystem holds is refused before anything is built on it. */
    private void checkPath(String path, String rawName, String label) {
        long maxLength = limits.get(Limit.PATH_LENGTH);
        if (path.length() > maxLength / 3 && utf8Length(path) > maxLength) {
            throw limits.exceeded(Limit.PATH_LENGTH, "Layer " + label, "the entry '" + abbreviate(rawName) + "' has a path of "
                    + utf8Length(path) + " bytes");
        }
        long maxDepth = limits.get(Limit.PATH_DEPTH);
        if (path.length() <= maxDepth) {
            return; // a component per character at most; asked for every entry of every layer, so counted only when needed
        }
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            depth += path.charAt(i) == '/' ? 1 : 0;
        }
        if (depth > maxDepth) {
            throw limits.exceeded(Limit.PATH_DEPTH, "Layer " + label, "the entry '" + abbreviate(rawName) + "' is "
                    + depth + " components deep");
        }
    }

    /** A link's target is a path too; a sparse file's size counts like the bytes it would hold without holes. */
    private void checkTarget(FileEntry entry, String label) {
        if (entry.type() == FileType.HARDLINK) {
            checkPath(entry.linkTarget(), entry.linkTarget(), label);
        } else if (entry.type() == FileType.SYMLINK && entry.linkTarget().length() > limits.get(Limit.PATH_LENGTH) / 3
                && utf8Length(entry.linkTarget()) > limits.get(Limit.PATH_LENGTH)) {
            throw limits.exceeded(Limit.PATH_LENGTH, "Layer " + label, "the symlink " + abbreviate(entry.path())
                    + " has a target of " + utf8Length(entry.linkTarget()) + " bytes");
        } else if (entry.size() > limits.get(Limit.LAYER_SIZE)) {
            throw limits.exceeded(Limit.LAYER_SIZE, "Layer " + label, "the file " + abbreviate(entry.path())
                    + " has a size of " + entry.size() + " bytes");
        }
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3; // a surrogate pair is 4 bytes
        }
        return bytes;
    }

    /** A path as long as a limit allows is no message; its start and end say which it is. */
    private static String abbreviate(String path) {
        return path.length() <= 200 ? path : path.substring(0, 100) + "..." + path.substring(path.length() - 100);
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
