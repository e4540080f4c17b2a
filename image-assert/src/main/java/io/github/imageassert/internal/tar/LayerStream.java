package io.github.imageassert.internal.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.io.ReadThroughInputStream;
import io.github.imageassert.internal.limits.ImageBudget;
import java.security.MessageDigest;

/**
 * A layer's uncompressed tar as it streams past: every byte read (or skipped) is hashed into the diff id, counted
 * against the limits on uncompressed size and expansion (so a decompression bomb stops early, before its bytes are
 * hashed), and copied to an optional sink (the layer store's blob). A sink that fails (a full disk) is dropped and the
 * failure kept, so that reading goes on: the index is still built, only not stored.
 */
public final class LayerStream extends ReadThroughInputStream {

    private final InputStream in;
    private final ImageBudget.Layer budget;
    private final MessageDigest sha256 = Digests.sha256();
    private OutputStream sink;
    private IOException sinkFailure;
    private long count;

    public LayerStream(InputStream uncompressedTar, OutputStream sink, ImageBudget.Layer budget) {
        this.in = uncompressedTar;
        this.sink = sink;
        this.budget = budget;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            budget.add(n);
            sha256.update(b, off, n);
            count += n;
            if (sink != null) {
                try {
                    sink.write(b, off, n);
                } catch (IOException e) {
                    sinkFailure = e;
                    sink = null;
                }
            }
        }
        return n;
    }

    /** Reads whatever follows the tar's end blocks: it counts towards the diff id, as the engine hashes it. */
    public void drain(long limit, String label) throws IOException {
        long drained = skip(limit + 1);
        if (drained > limit) {
            throw new IOException("more than " + limit + " bytes follow the end of the tar in layer " + label);
        }
    }

    /** {@code sha256:<hex>} of every byte read so far. */
    public String diffId() {
        return Digests.finish(sha256);
    }

    public long count() {
        return count;
    }

    /** Why the copy to the sink stopped, or null when every byte reached it. */
    public IOException sinkFailure() {
        return sinkFailure;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
