package io.github.imageassert.internal.tar;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.fs.PathEscapesRootException;
import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.ImagePaths;
import io.github.imageassert.internal.index.LayerIndex;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer blob (plain, gzip or zstd tar) into a {@link LayerIndex} in a single streaming pass.
 * Names and modes are normalised: {@code ./usr/bin/} and {@code usr/bin} are both {@code /usr/bin}, and the
 * file-type bits some writers put into the mode ({@code 040755}) are dropped.
 */
public final class LayerReader {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";

    private final ContentCapture capture;

    public LayerReader(ContentCapture capture) {
        this.capture = capture;
    }

    /**
     * @param blob  the layer as stored; it is read to its end but not closed
     * @param layer index written into the entries; -1 when not yet known
     * @param label how to name this layer in an error, e.g. {@code "2 (sha256:ab12...)"}
     */
    public LayerIndex read(InputStream blob, int layer, String label) {
        MessageDigest sha256 = sha256();
        CountingInputStream counted;
        List<FileEntry> entries = new ArrayList<>();
        List<String> whiteouts = new ArrayList<>();
        List<String> opaque = new ArrayList<>();
        Map<String, byte[]> contents = new HashMap<>();
        long contentSize = 0;
        try {
            counted = new CountingInputStream(new DigestInputStream(Compression.decompress(blob), sha256));
            TarArchiveInputStream tar = new TarArchiveInputStream(counted);
            TarArchiveEntry tarEntry;
            while ((tarEntry = tar.getNextEntry()) != null) {
                String path = normalizeEntryName(tarEntry.getName(), label);
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (name.equals(OPAQUE_MARKER)) {
                    opaque.add(ImagePaths.parent(path));
                } else if (name.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
                    continue; // AUFS bookkeeping (.wh..wh.plnk and friends), not part of the filesystem
                } else if (name.startsWith(WHITEOUT_PREFIX)) {
                    whiteouts.add(ImagePaths.child(ImagePaths.parent(path), name.substring(WHITEOUT_PREFIX.length())));
                } else {
                    FileEntry entry = toEntry(tarEntry, path, layer, label);
                    entries.add(entry);
                    contentSize += entry.type() == FileType.SYMLINK
                            ? entry.linkTarget().getBytes(java.nio.charset.StandardCharsets.UTF_8).length : entry.size();
                    if (entry.type() == FileType.REGULAR && capture.wants(path, entry.size())) {
                        contents.put(path, tar.readAllBytes());
                    }
                }
            }
            counted.transferTo(java.io.OutputStream.nullOutputStream()); // the padding after the end blocks counts towards the diff id
        } catch (EOFException e) {
            throw new CorruptLayerException("Layer " + label + " ends early: the tar is truncated ("
                    + e.getMessage() + "). Export or copy the image again.", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptLayerException("Layer " + label + " is not a readable tar: " + e.getMessage()
                    + ". The archive is corrupt or truncated; export or copy the image again.", e);
        }
        String diffId = "sha256:" + HexFormat.of().formatHex(sha256.digest());
        return new LayerIndex(entries, whiteouts, opaque, contents, diffId, counted.count(), contentSize);
    }

    private static FileEntry toEntry(TarArchiveEntry e, String path, int layer, String label) {
        FileType type;
        String link = null;
        if (e.isSymbolicLink()) {
            type = FileType.SYMLINK;
            link = e.getLinkName();
        } else if (e.isLink()) {
            type = FileType.HARDLINK;
            link = normalizeEntryName(e.getLinkName(), label);
        } else if (e.isDirectory()) {
            type = FileType.DIRECTORY;
        } else if (e.isCharacterDevice()) {
            type = FileType.CHAR_DEVICE;
        } else if (e.isBlockDevice()) {
            type = FileType.BLOCK_DEVICE;
        } else if (e.isFIFO()) {
            type = FileType.FIFO;
        } else {
            type = FileType.REGULAR;
        }
        long size = type == FileType.REGULAR ? e.getSize() : 0;
        return new FileEntry(path, type, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), size, link,
                e.getLastModifiedTime().toInstant().getEpochSecond(), layer);
    }

    /** {@code ./a/b/}, {@code a/b} and {@code /a/b} all become {@code /a/b}; a name climbing above the root is refused. */
    public static String normalizeEntryName(String name, String label) {
        int depth = 0;
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                if (--depth < 0) {
                    throw new PathEscapesRootException(name, label);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return ImagePaths.normalize(name);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
