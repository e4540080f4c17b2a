package io.github.imageassert.internal.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A checksum (CRC32C) of each fixed-size chunk of a stored blob. A read checks the chunks it touches, so a blob
 * whose bytes changed on disk (a bad sector, a truncated copy, a stray edit) is caught where it changed without
 * hashing the whole blob on every read. The blob was checked against its diff id (SHA-256) when it was written;
 * a cryptographic hash per chunk would add cost and no safety, since whoever can rewrite the blob can rewrite
 * its index too.
 *
 * @param chunkSize bytes per chunk (the last may be shorter)
 * @param blobSize  bytes of the blob
 * @param checksums 4 bytes (big-endian CRC32C) per chunk, in order
 */
record BlobChunks(int chunkSize, long blobSize, byte[] checksums) {

    static final int DEFAULT_CHUNK = 256 << 10;
    static final int CHECKSUM = 4;

    int count() {
        return checksums.length / CHECKSUM;
    }

    /** Bytes of chunk {@code k}. */
    int length(int k) {
        return (int) Math.min(chunkSize, blobSize - (long) k * chunkSize);
    }

    boolean matches(int k, byte[] data, int length) {
        return ByteBuffer.wrap(checksums, k * CHECKSUM, CHECKSUM).getInt() == checksum(data, length);
    }

    static int checksum(byte[] data, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, length);
        return (int) crc.getValue();
    }
}
