package io.github.imageassert.internal.store;

import io.github.imageassert.internal.digest.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/** Writes a blob to a file in fixed-size chunks, hashing each chunk as it goes. */
final class BlobWriter extends OutputStream {

    private final FileChannel file;
    private final byte[] chunk;
    private final ByteArrayOutputStream digests = new ByteArrayOutputStream();
    private final MessageDigest sha = Digests.sha256();
    private int filled;
    private long written;
    private boolean closed;

    BlobWriter(Path path, int chunkSize) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.chunk = new byte[chunkSize];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, chunk.length - filled);
            System.arraycopy(b, off, chunk, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == chunk.length) {
                flushChunk();
            }
        }
    }

    private void flushChunk() throws IOException {
        if (filled == 0) {
            return;
        }
        sha.update(chunk, 0, filled);
        digests.write(sha.digest());
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, filled);
        while (buffer.hasRemaining()) {
            file.write(buffer);
        }
        written += filled;
        filled = 0;
    }

    /**
     * Writes the last chunk; the chunk digests of everything written. No fsync: a blob the OS lost in a crash fails
     * its chunk digests when read and is fetched again.
     */
    BlobChunks finish() throws IOException {
        flushChunk();
        close();
        return new BlobChunks(chunk.length, written, digests.toByteArray());
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            file.close();
        }
    }
}
