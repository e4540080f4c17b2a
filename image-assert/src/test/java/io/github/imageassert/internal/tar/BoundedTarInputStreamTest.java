package io.github.imageassert.internal.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.imageassert.internal.limits.Limits;
import io.github.imageassert.testing.HeldOpenInput;
import io.github.imageassert.testing.RawTar;
import java.time.Duration;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;

class BoundedTarInputStreamTest {

    /**
     * Go's tar writer ends an archive with two zero records and no padding to 10,240 bytes; an engine then keeps the
     * connection open while it deletes its copy of the export. The reader must stop at the end records, not read on
     * towards a 10,240-byte block and wait for the connection to close.
     */
    @Test
    void endsAtTheEndRecordsWithoutWaitingForTheStreamToClose() throws Exception {
        byte[] tar = new RawTar().file("layer.tar", "content").file("manifest.json", "[]").end();
        assertThat(tar.length % 10_240).as("a tar not padded to a 10,240-byte block").isNotZero();
        HeldOpenInput thenSilence = new HeldOpenInput(tar);
        try (BoundedTarInputStream in = BoundedTarInputStream.of(thenSilence, Limits.defaults())) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                TarArchiveEntry first = in.getNextEntry();
                TarArchiveEntry second = in.getNextEntry();
                assertThat(first.getName()).isEqualTo("layer.tar");
                assertThat(second.getName()).isEqualTo("manifest.json");
                assertThat(in.getNextEntry()).isNull();
            });
            assertThat(in.endBlocksRead()).isTrue();
        } finally {
            thenSilence.closeFromTheOtherSide();
        }
    }
}
