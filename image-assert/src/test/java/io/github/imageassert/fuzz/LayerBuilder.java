package io.github.imageassert.fuzz;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a {@link LayerSpec} into its blob: the uncompressed tar is hashed into the diff id and compressed as it is
 * written. Big layers go to a file, compressed one MiB at a time as concatenated gzip members or zstd frames, with
 * runs of zeros reusing one compressed chunk: a 10 GiB bomb costs the harness milliseconds and no heap.
 */
final class LayerBuilder {

    /** A built layer blob and what its descriptors say about it. */
    record Built(Blob blob, String digest, String diffId, LayerSpec.Compression compression) {
        String ociMediaType() {
            return switch (compression) {
                case PLAIN -> "application/vnd.oci.image.layer.v1.tar";
                case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
                case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
            };
        }
    }

    private static final int CHUNK = 1 << 20;
    private static final long IN_MEMORY = 8L << 20;

    private LayerBuilder() {
    }

    static Built build(LayerSpec spec, Path workDir) throws IOException {
        MessageDigest blobDigest = sha256();
        boolean big = spec.approximateSize() > IN_MEMORY;
        Path file = big ? Files.createTempFile(workDir, "layer", ".blob") : null;
        ByteArrayOutputStream memory = big ? null : new ByteArrayOutputStream();
        OutputStream target = big ? new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16) : memory;
        MessageDigest diff = spec.unhashed ? null : sha256();
        try (ChunkCompressor compressor = new ChunkCompressor(new DigestOutputStream(target, blobDigest), spec.compression, big, diff)) {
            TarWriter tar = new TarWriter(compressor);
            for (TarEntry e : spec.entries) {
                tar.add(e);
            }
            if (!spec.noEndBlocks) {
                tar.finish();
            }
            Blob.repeat((byte) 0, spec.trailingZeros).writeTo(compressor);
        }
        String diffId = diff == null ? "sha256:" + "ab".repeat(32) : hex(diff);
        Blob blob = big ? Blob.file(file) : Blob.of(memory.toByteArray());
        return new Built(blob, hex(blobDigest), diffId, spec.compression);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest d) {
        return "sha256:" + HexFormat.of().formatHex(d.digest());
    }

    static String sha256(byte[] bytes) {
        MessageDigest d = sha256();
        d.update(bytes);
        return hex(d);
    }

    /**
     * Buffers the uncompressed tar a MiB at a time, hashes it, and writes each MiB as a gzip member or zstd frame of
     * its own (one member for a small layer); an all-zero MiB reuses the member compressed first.
     */
    private static final class ChunkCompressor extends OutputStream implements Blob.ZeroSink {
        private final OutputStream out;
        private final LayerSpec.Compression compression;
        private final boolean chunked;
        private final MessageDigest diff;
        private final byte[] buffer;
        private int used;
        private byte[] zeroChunk;
        private final ByteArrayOutputStream whole = new ByteArrayOutputStream();

        ChunkCompressor(OutputStream out, LayerSpec.Compression compression, boolean chunked, MessageDigest diff) {
            this.out = out;
            this.compression = compression;
            this.chunked = chunked;
            this.diff = diff;
            this.buffer = new byte[CHUNK];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (diff != null) {
                diff.update(b, off, len);
            }
            if (!chunked) {
                whole.write(b, off, len);
                return;
            }
            while (len > 0) {
                int n = Math.min(len, CHUNK - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
                if (used == CHUNK) {
                    flushChunk();
                }
            }
        }

        /** Zeros: whole chunks go out as the cached compressed chunk, hashed only when the layer is hashed. */
        @Override
        public void writeZeros(long count) throws IOException {
            byte[] zeros = new byte[CHUNK];
            long left = count;
            while (left > 0 && (used != 0 || left < CHUNK || !chunked || compression == LayerSpec.Compression.PLAIN)) {
                int n = (int) Math.min(left, used != 0 ? CHUNK - used : CHUNK);
                write(zeros, 0, n);
                left -= n;
            }
            if (left == 0) {
                return;
            }
            if (zeroChunk == null) {
                zeroChunk = compress(zeros, CHUNK);
            }
            for (; left >= CHUNK; left -= CHUNK) {
                if (diff != null) {
                    diff.update(zeros);
                }
                out.write(zeroChunk);
            }
            if (left > 0) {
                write(zeros, 0, (int) left);
            }
        }

        private void flushChunk() throws IOException {
            if (used == 0) {
                return;
            }
            if (compression == LayerSpec.Compression.PLAIN) {
                out.write(buffer, 0, used);
            } else if (used == CHUNK && allZero(buffer)) {
                if (zeroChunk == null) {
                    zeroChunk = compress(buffer, CHUNK);
                }
                out.write(zeroChunk);
            } else {
                out.write(compress(buffer, used));
            }
            used = 0;
        }

        private byte[] compress(byte[] data, int length) throws IOException {
            if (compression == LayerSpec.Compression.ZSTD) {
                return Zstd.compress(Arrays.copyOf(data, length), 19);
            }
            ByteArrayOutputStream member = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(member) {
                {
                    def.setLevel(9);
                }
            }) {
                gz.write(data, 0, length);
            }
            return member.toByteArray();
        }

        private static boolean allZero(byte[] b) {
            for (byte x : b) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            if (chunked) {
                flushChunk();
            } else {
                byte[] data = whole.toByteArray();
                out.write(compression == LayerSpec.Compression.PLAIN ? data : compress(data, data.length));
            }
            out.close();
        }
    }
}
