package io.github.imageassert.internal.store;

import io.github.imageassert.internal.digest.Digests;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The SHA-256 of each fixed-size chunk of a stored blob. A read checks the chunks it touches, so a blob whose
 * bytes changed on disk is caught where it changed without hashing the whole blob on every read.
 *
 * @param chunkSize bytes per chunk (the last may be shorter)
 * @param blobSize  bytes of the blob
 * @param digests   32 bytes per chunk, in order
 */
record BlobChunks(int chunkSize, long blobSize, byte[] digests) {

    static final int DEFAULT_CHUNK = 256 << 10;

    int count() {
        return digests.length / 32;
    }

    /** Bytes of chunk {@code k}. */
    int length(int k) {
        return (int) Math.min(chunkSize, blobSize - (long) k * chunkSize);
    }

    boolean matches(int k, byte[] data, int length) {
        MessageDigest sha = Digests.sha256();
        sha.update(data, 0, length);
        return MessageDigest.isEqual(sha.digest(), Arrays.copyOfRange(digests, k * 32, k * 32 + 32));
    }
}
