package io.github.imageassert.internal.tar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Layer compressions, told apart by their magic bytes, whatever the media type claims. */
public enum Compression {
    NONE, GZIP, ZSTD;

    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};
    private static final byte[] ZSTD_MAGIC = {(byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd};

    /** Looks at the first bytes of {@code in} (which must support mark/reset) without consuming them. */
    public static Compression sniff(InputStream in) throws IOException {
        in.mark(8);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (startsWith(head, ZSTD_MAGIC)) {
            return ZSTD;
        }
        return startsWith(head, GZIP_MAGIC) ? GZIP : NONE;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The uncompressed tar stream of a layer blob, whichever compression it uses. */
    public static InputStream decompress(InputStream blob) throws IOException {
        InputStream in = blob.markSupported() ? blob : new BufferedInputStream(blob, 1 << 16);
        return switch (sniff(in)) {
            case GZIP -> new GzipCompressorInputStream(in, true);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case NONE -> in;
        };
    }
}
