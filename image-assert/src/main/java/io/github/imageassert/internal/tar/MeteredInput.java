package io.github.imageassert.internal.tar;

import io.github.imageassert.internal.io.ReadThroughInputStream;
import io.github.imageassert.internal.limits.Limit;
import io.github.imageassert.internal.limits.Limits;
import java.io.IOException;
import java.io.InputStream;

/**
 * The raw bytes under a tar reader: their position (where each entry's data starts), and while armed, a budget on
 * how many may pass. A tar reader buffers the extended headers it reads (PAX records, long names, sparse maps)
 * whole; armed for the span of one entry's headers, this stream fails before more than the limit is read, so no
 * header is ever buffered beyond it.
 */
final class MeteredInput extends ReadThroughInputStream {

    private final InputStream in;

    private long position;
    private long budget = -1;
    private long limit;
    private java.util.function.Supplier<String> where;

    MeteredInput(InputStream in) {
        this.in = in;
    }

    /** Bytes that passed so far: where the tar reader is in the uncompressed tar. */
    long position() {
        return position;
    }

    /**
     * From now on, fails after {@code bytes} more bytes.
     *
     * @param limit the limit's value, for the message (the budget adds room for the fixed-size records)
     * @param after what precedes the headers being read, for the message
     */
    void arm(long bytes, long limit, java.util.function.Supplier<String> after) {
        this.budget = bytes;
        this.limit = limit;
        this.where = after;
    }

    void disarm() {
        budget = -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, budget < 0 ? len : (int) Math.min(len, budget + 1));
        count(n);
        return n;
    }

    private void count(int n) throws Limits.ExceededIOException {
        if (n <= 0) {
            return;
        }
        position += n;
        if (budget >= 0) {
            budget -= n;
            if (budget < 0) {
                budget = -1;
                throw new Limits.ExceededIOException(Limit.TAR_HEADER_SIZE, limit, "the headers of the tar entry "
                        + where.get() + " take more than " + Limit.TAR_HEADER_SIZE.format(limit));
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
