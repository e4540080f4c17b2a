package io.github.imageassert.internal.image;

import io.github.imageassert.internal.io.ReadThroughInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One entry's data handed to several visitors in turn (a file and its hard links, read in one pass of a tar), each
 * from its start, without holding more of it than the visitors actually read: what the first reads is kept and
 * replayed to the next, and only what a later one reads beyond that comes from the tar. Past
 * {@link #REPLAY_LIMIT} bytes nothing more is kept: the visitor reading then goes on straight from the tar, and the
 * visitors after it need another pass ({@link #replayable()} is false).
 */
final class SharedEntryData {

    /** What a file shared by several entries may cost in memory; a {@code readContents(.., maxBytes)} under it never needs a second pass. */
    static final int REPLAY_LIMIT = 16 << 20;

    private final InputStream source;
    private final int limit;
    private byte[] kept = new byte[0];
    private int length;
    private long taken;
    private boolean overflowed;

    SharedEntryData(InputStream source) {
        this(source, REPLAY_LIMIT);
    }

    SharedEntryData(InputStream source, int limit) {
        this.source = source;
        this.limit = limit;
    }

    /** Whether a new reader can be replayed from the start. */
    boolean replayable() {
        return !overflowed;
    }

    /** A reader from the start; readers are used one after the other, never at once. */
    InputStream reader() {
        if (overflowed) {
            throw new IllegalStateException("more than " + limit + " bytes were read: this data cannot be replayed");
        }
        return new Reader();
    }

    private final class Reader extends ReadThroughInputStream {
        private long position;

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position < length) {
                int n = (int) Math.min(len, length - position);
                System.arraycopy(kept, (int) position, b, off, n);
                position += n;
                return n;
            }
            if (position != taken) {
                throw new IllegalStateException("a reader of shared data fell behind what was kept"); // reader() prevents it
            }
            int n = source.read(b, off, len);
            if (n <= 0) {
                return n;
            }
            keep(b, off, n);
            taken += n;
            position += n;
            return n;
        }

        private void keep(byte[] b, int off, int n) {
            if (overflowed || length + n > limit) {
                overflowed = true; // this reader leads on alone; the next ones need another pass
                return;
            }
            if (length + n > kept.length) {
                kept = Arrays.copyOf(kept, (int) Math.min(limit, Math.max(length + n, kept.length * 2L + 8192)));
            }
            System.arraycopy(b, off, kept, length, n);
            length += n;
        }
    }
}
