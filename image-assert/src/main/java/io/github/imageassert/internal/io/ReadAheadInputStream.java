package io.github.imageassert.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a source on a thread of its own, at most a fixed number of chunks ahead of the reader. A producer that stalls
 * as soon as nobody drains it, such as an engine writing an export into a socket whose buffer holds some 200 KB, then
 * keeps going while the reader hashes, parses and stores what came before, instead of waiting each time the reader's
 * thread does that work or is not scheduled.
 * <p>
 * A failure of the source reaches the reader as the source threw it, after every byte that arrived before it. Closing
 * this stream closes the source, which ends the thread.
 */
public final class ReadAheadInputStream extends ReadThroughInputStream {

    private record Chunk(byte[] data, int length, IOException failure) {
        boolean end() {
            return data == null;
        }
    }

    private final InputStream source;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> filled;
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int position;

    /**
     * Starts reading {@code source} at once.
     *
     * @param chunkSize bytes handed over at a time (fewer only at the end)
     * @param chunks    chunks read ahead at most, so at most {@code chunkSize * chunks} bytes are held
     */
    public ReadAheadInputStream(InputStream source, int chunkSize, int chunks, String threadName) {
        this.source = source;
        this.free = new ArrayBlockingQueue<>(chunks);
        this.filled = new ArrayBlockingQueue<>(chunks + 1);
        for (int i = 0; i < chunks; i++) {
            free.add(new byte[chunkSize]);
        }
        this.thread = new Thread(this::fill, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void fill() {
        try {
            while (!closed) {
                byte[] chunk = free.take();
                int length = 0;
                int n = 0;
                IOException failure = null;
                try {
                    while (length < chunk.length && (n = source.read(chunk, length, chunk.length - length)) >= 0) {
                        length += n;
                    }
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    // a source closed under a read may fail in ways of its own; only a reader still reading sees it
                    failure = new IOException(e.getMessage(), e);
                }
                if (length > 0) {
                    filled.put(new Chunk(chunk, length, null));
                }
                if (failure != null || n < 0) {
                    filled.put(new Chunk(null, 0, failure));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed while waiting for the reader
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (current == null || (!current.end() && position == current.length())) {
            next();
        }
        if (current.end()) {
            if (current.failure() != null) {
                throw current.failure();
            }
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.data(), position, b, off, n);
        position += n;
        return n;
    }

    private void next() throws InterruptedIOException {
        if (current != null) {
            free.add(current.data());
        }
        try {
            current = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current = null;
            throw new InterruptedIOException("interrupted while waiting for the stream");
        }
        position = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        source.close();
    }
}
