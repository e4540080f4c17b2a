package io.github.imageassert.internal.tar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

/** Layer compressions, told apart by their magic bytes (Commons Compress' detection), whatever the media type claims. */
public final class Compression {

    private Compression() {
    }

    /** The uncompressed tar stream of a layer blob: plain, gzip (also concatenated members) or zstd. */
    public static InputStream decompress(InputStream blob) throws IOException {
        InputStream in = blob.markSupported() ? blob : new BufferedInputStream(blob, 1 << 16);
        String format;
        try {
            format = CompressorStreamFactory.detect(in);
        } catch (CompressorException e) {
            return in; // no compressor's signature: a plain tar
        }
        return switch (format) {
            case CompressorStreamFactory.GZIP -> new GzipCompressorInputStream(in, true);
            // zstd-jni's stream closes what it wraps when it is finalized: a reader that drops it after the last entry it
            // wanted, and then reads the rest of the blob to verify its digest, would have the blob closed under it by a GC
            // (fuzz finding 2028/209183). The blob belongs to whoever opened it, who closes it.
            case CompressorStreamFactory.ZSTANDARD -> new ZstdCompressorInputStream(CloseShieldInputStream.wrap(in));
            default -> throw new UnsupportedLayerCompressionException(format);
        };
    }

    /** A layer compressed with something no image format allows (bzip2, xz...). */
    public static final class UnsupportedLayerCompressionException extends IOException {
        UnsupportedLayerCompressionException(String format) {
            super("the layer is compressed as " + format + ", which no image format allows (layers are plain, gzip or zstd tars)");
        }
    }
}
