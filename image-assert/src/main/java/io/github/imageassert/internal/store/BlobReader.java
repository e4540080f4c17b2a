package io.github.imageassert.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads ranges of a stored blob, checking every chunk it touches against its checksum before handing out a byte
 * of it. Not thread-safe: one reader per pass over a layer. Holds the last chunk read, so many small files
 * next to each other cost one check.
 */
public final class BlobReader implements AutoCloseable {

    private final Path path;
    private final FileChannel file;
    private final BlobChunks chunks;
    private final byte[] buffer;
    private int loaded = -1;

    BlobReader(Path path, BlobChunks chunks) throws IOException {
        this.path = path;
        this.file = FileChannel.open(path, StandardOpenOption.READ);
        this.chunks = chunks;
        this.buffer = new byte[chunks.chunkSize()];
        if (file.size() != chunks.blobSize()) {
            file.close();
            throw new CorruptBlobException(path + " has " + file.size() + " bytes, not the " + chunks.blobSize() + " stored");
        }
    }

    /** The {@code length} bytes at {@code offset}, verified chunk by chunk as they are read. */
    public InputStream open(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > chunks.blobSize()) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " is outside " + path);
        }
        return new InputStream() {
            private long position = offset;
            private final long end = offset + length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= end) {
                    return -1;
                }
                int k = (int) (position / chunks.chunkSize());
                load(k);
                int within = (int) (position - (long) k * chunks.chunkSize());
                int n = (int) Math.min(Math.min(len, chunks.length(k) - within), end - position);
                System.arraycopy(buffer, within, b, off, n);
                position += n;
                return n;
            }

            @Override
            public long skip(long n) {
                long skipped = Math.max(0, Math.min(n, end - position));
                position += skipped;
                return skipped;
            }
        };
    }

    /**
     * Checks every chunk of a range now, so that a damaged chunk is found before a byte of the range is handed out.
     * The last chunk checked stays loaded, so a small range costs no second read.
     */
    public void verify(long offset, long length) throws IOException {
        if (length == 0) {
            return;
        }
        int first = (int) (offset / chunks.chunkSize());
        int last = (int) ((offset + length - 1) / chunks.chunkSize());
        for (int k = first; k <= last; k++) {
            load(k);
        }
    }

    /** The whole blob, verified as it is read. */
    public InputStream openAll() {
        return open(0, chunks.blobSize());
    }

    private void load(int k) throws IOException {
        if (k == loaded) {
            return;
        }
        int length = chunks.length(k);
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        long at = (long) k * chunks.chunkSize();
        while (target.hasRemaining()) {
            int n = file.read(target, at + target.position());
            if (n < 0) {
                throw new CorruptBlobException(path + " ends inside chunk " + k + ": it was cut short on disk");
            }
        }
        if (!chunks.matches(k, buffer, length)) {
            loaded = -1;
            throw new CorruptBlobException(path + ": chunk " + k + " (bytes " + at + " to " + (at + length)
                    + ") does not match its checksum; the stored layer was changed on disk");
        }
        loaded = k;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** A stored blob is not what was stored: it is discarded and fetched again, never served. */
    public static final class CorruptBlobException extends IOException {
        CorruptBlobException(String message) {
            super(message);
        }
    }
}
