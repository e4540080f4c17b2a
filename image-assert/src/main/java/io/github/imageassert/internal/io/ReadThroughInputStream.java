package io.github.imageassert.internal.io;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.io.IOUtils;

/**
 * A stream whose every byte passes through {@link #read(byte[], int, int)}: the one-byte read and {@link #skip} go
 * through it, so that what a subclass counts, hashes, bounds or checks sees every byte, skipped ones included.
 */
public abstract class ReadThroughInputStream extends InputStream {

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * Reads and discards. The buffer is this call's own: Commons IO's shared scratch buffer would let another thread
     * overwrite bytes between a subclass' read and its use of them (a hash, a copy).
     */
    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
        return IOUtils.skip(this, n, () -> buffer);
    }

    /** Nothing is promised without a read: a subclass' checks run only on bytes read through it. */
    @Override
    public int available() {
        return 0;
    }
}
