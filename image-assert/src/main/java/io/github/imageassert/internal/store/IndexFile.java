package io.github.imageassert.internal.store;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.index.LayerIndex;
import java.nio.ByteBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A layer's index as the store keeps it: every entry's metadata and the offset of its data in the stored blob,
 * the blob's chunk checksums, and a SHA-256 of the whole file at its end, so that a file changed or cut short on
 * disk is never trusted.
 */
final class IndexFile {

    private static final int MAGIC = 0x49414958; // "IAIX"
    private static final int VERSION = 3;
    /** The directory of this format's index files (see {@link LayerStore}): a new format gets a new one. */
    static final String DIRECTORY = "format-" + VERSION;
    private static final FileType[] TYPES = FileType.values();
    private static final int DIGEST = 32;

    /** What the store knows of one layer: its index and how to check its blob. */
    record Stored(LayerIndex index, BlobChunks chunks) {
    }

    private IndexFile() {
    }

    static byte[] write(LayerIndex index, BlobChunks chunks) {
        List<FileEntry> entries = index.entries();
        Out out = new Out(256 + chunks.checksums().length + entries.size() * 48);
        out.int32(MAGIC);
        out.int32(VERSION);
        out.string(index.diffId());
        out.int64(index.tarSize());
        out.int64(index.contentSize());
        out.int32(chunks.chunkSize());
        out.int32(chunks.count());
        out.bytes(chunks.checksums(), 0, chunks.checksums().length);
        out.int32(entries.size());
        byte[] previous = new byte[0];
        for (int i = 0; i < entries.size(); i++) {
            previous = entry(out, entries.get(i), index.offset(i), previous); // a call per entry: see LayerIndexer.index
        }
        out.strings(index.whiteouts());
        out.strings(index.opaqueDirs());
        byte[] file = Arrays.copyOf(out.buffer, out.size + DIGEST);
        MessageDigest sha = Digests.sha256();
        sha.update(out.buffer, 0, out.size);
        System.arraycopy(sha.digest(), 0, file, out.size, DIGEST);
        return file;
    }

    /** Writes one entry; returns its path's bytes, which the next entry's path shares a prefix with. */
    private static byte[] entry(Out out, FileEntry e, long offset, byte[] previous) {
        // tar order keeps a directory's entries together: most of each path is the previous one's
        byte[] path = e.path().getBytes(StandardCharsets.UTF_8);
        int shared = sharedPrefix(previous, path);
        out.varint(shared);
        out.varint(path.length - shared);
        out.bytes(path, shared, path.length - shared);
        out.int8(e.type().ordinal());
        out.varint(e.mode());
        out.varint(e.uid());
        out.varint(e.gid());
        out.varint(e.size());
        out.varint(e.mtime());
        out.string(e.linkTarget());
        out.varint(offset + 2); // NO_DATA (-1) and SPARSE (-2) become small non-negative numbers
        return path;
    }

    /** A growing byte array written big-endian, with LEB128 zig-zag varints: what the index file is made of. */
    private static final class Out {
        byte[] buffer;
        int size;

        Out(int capacity) {
            buffer = new byte[capacity];
        }

        private void room(int n) {
            if (size + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
            }
        }

        void int8(int v) {
            room(1);
            buffer[size++] = (byte) v;
        }

        void int32(int v) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (v >>> shift);
            }
        }

        void int64(long v) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (v >>> shift);
            }
        }

        void bytes(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, buffer, size, len);
            size += len;
        }

        /** Zig-zag, so that the odd negative number (a uid of -1 in a hand-made tar) stays short. */
        void varint(long value) {
            room(10);
            long v = (value << 1) ^ (value >> 63);
            while ((v & ~0x7fL) != 0) {
                buffer[size++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buffer[size++] = (byte) v;
        }

        void string(String s) {
            if (s == null) {
                int32(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int32(b.length);
            bytes(b, 0, b.length);
        }

        void strings(List<String> values) {
            int32(values.size());
            values.forEach(this::string);
        }
    }

    /**
     * @param layer the layer's place in the image it is read for
     * @throws IOException when the file is not a complete, unchanged index of {@code diffId}
     */
    static Stored read(byte[] file, String diffId, int layer) throws IOException {
        if (file.length < DIGEST + 8) {
            throw new IOException("index file too short (" + file.length + " bytes)");
        }
        MessageDigest sha = Digests.sha256();
        sha.update(file, 0, file.length - DIGEST);
        if (!MessageDigest.isEqual(sha.digest(), Arrays.copyOfRange(file, file.length - DIGEST, file.length))) {
            throw new IOException("index file does not match its checksum");
        }
        ByteBuffer in = ByteBuffer.wrap(file, 0, file.length - DIGEST);
        if (in.getInt() != MAGIC || in.getInt() != VERSION) {
            throw new IOException("not an index file of this version");
        }
        String storedDiffId = string(in);
        if (!diffId.equals(storedDiffId)) {
            throw new IOException("index file is of " + storedDiffId);
        }
        long tarSize = in.getLong();
        long contentSize = in.getLong();
        int chunkSize = in.getInt();
        int chunkCount = in.getInt();
        byte[] checksums = new byte[Math.multiplyExact(chunkCount, BlobChunks.CHECKSUM)];
        in.get(checksums);
        int count = in.getInt();
        if (count < 0 || count > in.remaining()) {
            throw new IOException("index file claims " + count + " entries");
        }
        List<FileEntry> entries = new ArrayList<>(count);
        long[] offsets = new long[count];
        byte[] path = new byte[256];
        int pathLength = 0;
        for (int i = 0; i < count; i++) {
            int shared = (int) varint(in);
            int suffix = (int) varint(in);
            if (shared > pathLength || suffix > in.remaining()) {
                throw new IOException("index file is cut short or damaged at entry " + i);
            }
            if (shared + suffix > path.length) {
                path = Arrays.copyOf(path, Math.max(path.length * 2, shared + suffix));
            }
            in.get(path, shared, suffix);
            pathLength = shared + suffix;
            String name = new String(path, 0, pathLength, StandardCharsets.UTF_8);
            FileType type = TYPES[in.get() & 0xff];
            int mode = (int) varint(in);
            long uid = varint(in);
            long gid = varint(in);
            long size = varint(in);
            long mtime = varint(in);
            String link = string(in);
            offsets[i] = varint(in) - 2;
            entries.add(new FileEntry(name, type, mode, uid, gid, size, link, mtime, layer));
        }
        List<String> whiteouts = strings(in);
        List<String> opaque = strings(in);
        LayerIndex index = new LayerIndex(entries, offsets, whiteouts, opaque, Map.of(), diffId, tarSize, contentSize);
        return new Stored(index, new BlobChunks(chunkSize, tarSize, checksums));
    }

    private static String string(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        if (length > in.remaining()) {
            throw new IOException("index file is cut short");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static int sharedPrefix(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        int i = Arrays.mismatch(a, 0, n, b, 0, n);
        return i < 0 ? n : i;
    }

    private static long varint(ByteBuffer in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return (v >>> 1) ^ -(v & 1);
            }
        }
        throw new IOException("index file has a malformed number");
    }

    private static List<String> strings(ByteBuffer in) throws IOException {
        int n = in.getInt();
        List<String> out = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            out.add(string(in));
        }
        return out;
    }
}
