package io.github.imageassert.internal.tar;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CompressionTest {

    /**
     * Fuzz finding 2028/209183: a reader that stops decompressing a zstd layer after the entries it wanted, drops the
     * stream and reads the rest of the blob to verify its digest had the blob closed under it whenever a GC finalized
     * the dropped zstd stream (zstd-jni's finalizer closes what it wraps).
     */
    @Test
    @SuppressWarnings("removal")
    void aDroppedZstdStreamNeverClosesTheBlobItReads() throws Exception {
        byte[] plain = new byte[1 << 20];
        new Random(1).nextBytes(plain);
        AtomicBoolean closed = new AtomicBoolean();
        InputStream blob = new ByteArrayInputStream(Zstd.compress(plain)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        InputStream tar = Compression.decompress(blob);
        assertThat(tar.readNBytes(1000)).isEqualTo(java.util.Arrays.copyOf(plain, 1000));
        tar = null; // dropped after the last wanted entry, as ContentReader's scan does
        for (int i = 0; i < 20 && !closed.get(); i++) {
            System.gc();
            System.runFinalization();
            Thread.sleep(10);
        }
        assertThat(closed).as("the blob, still being read by its owner, was closed by a finalizer").isFalse();
        assertThat(blob.read()).as("the blob reads on").isNotNegative();
    }
}
