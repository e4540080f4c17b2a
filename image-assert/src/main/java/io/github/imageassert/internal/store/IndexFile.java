package io.github.imageassert.internal.store;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.index.LayerIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
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
 * the blob's chunk digests, and a SHA-256 of the whole file at its end, so that a file changed or cut short on
 * disk is never trusted.
 */
final class IndexFile {

    private static final int MAGIC = 0x49414958; // "IAIX"
    private static final int VERSION = 1;
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
            out.write(chunks.digests());
            List<FileEntry> entries = index.entries();
            out.writeInt(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                FileEntry e = entries.get(i);
                string(out, e.path());
                out.writeByte(e.type().ordinal());
                out.writeInt(e.mode());
                out.writeLong(e.uid());
                out.writeLong(e.gid());
                out.writeLong(e.size());
                out.writeLong(e.mtime());
                string(out, e.linkTarget());
                out.writeLong(index.offset(i));
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
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file, 0, file.length - DIGEST));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not an index file of this version");
        }
        String storedDiffId = string(in);
        if (!diffId.equals(storedDiffId)) {
            throw new IOException("index file is of " + storedDiffId);
        }
        long tarSize = in.readLong();
        long contentSize = in.readLong();
        int chunkSize = in.readInt();
        int chunkCount = in.readInt();
        byte[] digests = new byte[Math.multiplyExact(chunkCount, DIGEST)];
        in.readFully(digests);
        int count = in.readInt();
        List<FileEntry> entries = new ArrayList<>(count);
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            String path = string(in);
            FileType type = TYPES[in.readUnsignedByte()];
            int mode = in.readInt();
            long uid = in.readLong();
            long gid = in.readLong();
            long size = in.readLong();
            long mtime = in.readLong();
            String link = string(in);
            offsets[i] = in.readLong();
            entries.add(new FileEntry(path, type, mode, uid, gid, size, link, mtime, layer));
        }
        List<String> whiteouts = strings(in);
        List<String> opaque = strings(in);
        LayerIndex index = new LayerIndex(entries, offsets, whiteouts, opaque, Map.of(), diffId, tarSize, contentSize);
        return new Stored(index, new BlobChunks(chunkSize, tarSize, digests));
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

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new IOException("index file is cut short");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            string(out, v);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            out.add(string(in));
        }
        return out;
    }
}
