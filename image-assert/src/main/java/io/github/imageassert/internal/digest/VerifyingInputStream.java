package io.github.imageassert.internal.digest;

import io.github.imageassert.internal.io.ReadThroughInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A blob read against its descriptor: never more bytes than the descriptor's size, and at the end the bytes must
 * have that size and digest. Nothing built from the blob is trusted before {@link #verify()} passes, which
 * happens by itself when the end is read.
 */
public final class VerifyingInputStream extends ReadThroughInputStream {

    private final InputStream in;

    private final String expectedDigest;
    private final long expectedSize;
    private final String what;
    private final MessageDigest sha256 = Digests.sha256();
    private long count;
    private boolean verified;

    /**
     * @param expectedDigest {@code sha256:<hex>}, or null when only the size is known
     * @param expectedSize   bytes, or -1 when only the digest is known
     * @param what           how to name the blob in an error
     */
    public VerifyingInputStream(InputStream in, String expectedDigest, long expectedSize, String what) {
        this.in = in;
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
        this.what = what;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            verify();
            return n;
        }
        count += n;
        if (expectedSize >= 0 && count > expectedSize) {
            throw new BlobMismatchException(what + " is longer than the " + expectedSize + " bytes its descriptor gives");
        }
        sha256.update(b, off, n);
        return n;
    }

    /** Reads what is left and checks size and digest; idempotent. */
    public void verify() throws IOException {
        if (verified) {
            return;
        }
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            count += n;
            if (expectedSize >= 0 && count > expectedSize) {
                throw new BlobMismatchException(what + " is longer than the " + expectedSize + " bytes its descriptor gives");
            }
            sha256.update(buffer, 0, n);
        }
        if (expectedSize >= 0 && count != expectedSize) {
            throw new BlobMismatchException(what + " has " + count + " bytes but its descriptor gives " + expectedSize);
        }
        String actual = Digests.finish(sha256);
        if (expectedDigest != null && !expectedDigest.equals(actual)) {
            throw new BlobMismatchException(what + " has digest " + actual + " but its descriptor says " + expectedDigest);
        }
        verified = true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The blob is not the one its descriptor names. */
    public static final class BlobMismatchException extends IOException {
        public BlobMismatchException(String message) {
            super(message);
        }
    }
}
