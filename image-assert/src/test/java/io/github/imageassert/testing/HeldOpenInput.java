package io.github.imageassert.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * A connection's bytes, then silence until the other side closes it: what a reader of an engine's export sees between
 * the export's last byte and the engine's close. Reads past the bytes wait for {@link #closeFromTheOtherSide()}.
 */
public final class HeldOpenInput extends InputStream {

    private final ByteArrayInputStream bytes;
    private final CountDownLatch closedByPeer = new CountDownLatch(1);

    public HeldOpenInput(byte[] bytes) {
        this.bytes = new ByteArrayInputStream(bytes);
    }

    /** Ends the stream: a read waiting for more returns -1. */
    public void closeFromTheOtherSide() {
        closedByPeer.countDown();
    }

    @Override
    public int read() throws IOException {
        int b = bytes.read();
        return b >= 0 ? b : awaitClose();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = bytes.read(b, off, len);
        return n > 0 || len == 0 ? n : awaitClose();
    }

    private int awaitClose() throws InterruptedIOException {
        try {
            closedByPeer.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the connection stayed open");
        }
        return -1;
    }
}
