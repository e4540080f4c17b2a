package io.github.imageassert.internal.store;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.index.LayerIndex;
import java.nio.ByteBuffer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
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
    private static final FileType[] TYPES = FileType.values();
    private static final int DIGEST = 32;

    /** What the store knows of one layer: its index and how to check its blob. */
    record Stored(LayerIndex index, BlobChunks chunks) {
    }

    private IndexFile() {
    }

    static byte[] write(LayerIndex index, BlobChunks chunks) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + index.entries().size() * 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            string(out, index.diffId());
            out.writeLong(index.tarSize());
            out.writeLong(index.contentSize());
            out.writeInt(chunks.chunkSize());
            out.writeInt(chunks.count());
            out.write(chunks.checksums());
            List<FileEntry> entries = index.entries();
            out.writeInt(entries.size());
            byte[] previous = new byte[0];
            for (int i = 0; i < entries.size(); i++) {
                FileEntry e = entries.get(i);
                // tar order keeps a directory's entries together: most of each path is the previous one's
                byte[] path = e.path().getBytes(StandardCharsets.UTF_8);
                int shared = sharedPrefix(previous, path);
                varint(out, shared);
                varint(out, path.length - shared);
                out.write(path, shared, path.length - shared);
                previous = path;
                out.writeByte(e.type().ordinal());
                varint(out, e.mode());
                varint(out, e.uid());
                varint(out, e.gid());
                varint(out, e.size());
                varint(out, e.mtime());
                string(out, e.linkTarget());
                varint(out, index.offset(i) + 2); // NO_DATA (-1) and SPARSE (-2) become small non-negative numbers
            }
            strings(out, index.whiteouts());
            strings(out, index.opaqueDirs());
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] file = Arrays.copyOf(body, body.length + DIGEST);
            System.arraycopy(Digests.sha256().digest(body), 0, file, body.length, DIGEST);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
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

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
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

    /** LEB128, zig-zag so that the odd negative number (a uid of -1 in a hand-made tar) stays short. */
    private static void varint(DataOutputStream out, long value) throws IOException {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7fL) != 0) {
            out.writeByte((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
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

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            string(out, v);
        }
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
