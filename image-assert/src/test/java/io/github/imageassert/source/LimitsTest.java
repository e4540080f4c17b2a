package io.github.imageassert.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.image.LimitExceededException;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import io.github.imageassert.testing.RawTar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The limits on what an image may make the library read, through the public API: decompression bombs, layers and
 * images beyond their size limits, an archive whose own tar headers are oversized. Each fails fast with a
 * {@link LimitExceededException} that names the layer, the limit and the setting that raises it.
 */
class LimitsTest {

    private static final long MiB = 1 << 20;
    private static final String FAKE_DIFF_ID = "sha256:" + "0".repeat(64);

    @TempDir
    Path dir;

    @AfterEach
    void clearSettings() {
        for (String name : new String[] {"imageassert.limits.layerSize", "imageassert.limits.imageSize", "imageassert.store"}) {
            System.clearProperty(name);
        }
    }

    /** Reading with the store off, so that a bomb writes nothing to disk. */
    private static void storeOff() {
        System.setProperty("imageassert.store", "off");
    }

    // ---------------------------------------------------------------- decompression bombs

    /** A layer with one 2 GiB file of zeros, compressed as concatenated members (gzip) or frames (zstd) of 64 MiB. */
    private static byte[] bomb(String compression) {
        byte[] header = RawTar.headerBlock("bomb", '0', 2048 * MiB, "", false);
        byte[] zeros = new byte[(int) (64 * MiB)];
        byte[] member = compression.equals("gzip") ? LayerTar.gzip(zeros) : zstd(zeros);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.writeBytes(compression.equals("gzip") ? LayerTar.gzip(header) : zstd(header));
        for (int i = 0; i < 33; i++) { // 2 GiB of data, then the end blocks
            blob.writeBytes(member);
        }
        return blob.toByteArray();
    }

    private static byte[] zstd(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdCompressorOutputStream z = new ZstdCompressorOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zstd"})
    @Timeout(60)
    void aDecompressionBombStopsOnceItExpandsBeyondTheRatio(String compression) {
        // GIVEN an OCI layout whose one layer is a few MB that expand to 2 GiB of zeros
        storeOff();
        byte[] blob = bomb(compression);
        assertThat(blob.length).isLessThan((int) (4 * MiB));
        Path layout = new ImageArchive().blobLayer(blob, "application/vnd.oci.image.layer.v1.tar+" + compression, FAKE_DIFF_ID)
                .writeOciLayout(dir.resolve("bomb"));
        ContainerImage image = ContainerImage.fromOciLayout(layout);

        // WHEN its files are asked for THEN it stops at 1 GiB (the expansion floor), not at the end of the 2 GiB
        assertThatThrownBy(image::filesystem)
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.LIMIT_EXCEEDED);
                    assertThat(e.property()).isEqualTo("imageassert.limits.expansionRatio");
                    assertThat(e.limit()).isEqualTo(100);
                })
                .hasMessageStartingWith("Layer 0 (" + FAKE_DIFF_ID + ") of bomb from " + layout.toAbsolutePath() + ": its "
                        + String.format(java.util.Locale.ROOT, "%,d", blob.length) + " compressed bytes expand to more than 1 GiB. "
                        + "That is beyond the limit on how many times its compressed size a layer past 1 GiB may expand, 100 "
                        + "(imageassert.limits.expansionRatio).")
                .hasMessageContaining("-Dimageassert.limits.expansionRatio=400");
    }

    @Test
    void aLayerBeyondTheLayerLimitIsRefusedAndARaisedLimitLetsItThrough() {
        // GIVEN a legacy docker save (no compressed sizes, plain layers) with a layer of three 1 MiB files, read from
        // the archive each time (a layer the store holds was checked when it was stored)
        storeOff();
        byte[] oneMiB = new byte[(int) MiB];
        Path archive = new ImageArchive().layer(new LayerTar().file("/a", oneMiB, 0644, 0, 0).file("/b", oneMiB, 0644, 0, 0)
                        .file("/c", oneMiB, 0644, 0, 0), "ADD . /")
                .writeLegacyDockerSave(dir.resolve("big.tar"), "big:1");

        // WHEN the layer limit is 2 MiB THEN it is refused, naming the layer and the setting
        System.setProperty("imageassert.limits.layerSize", "2 MiB");
        assertThatThrownBy(() -> ContainerImage.fromArchive(archive).filesystem())
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.property()).isEqualTo("imageassert.limits.layerSize");
                    assertThat(e.limit()).isEqualTo(2 * MiB);
                })
                .hasMessageMatching("Layer 0 \\(sha256:[0-9a-f]{64}\\) of big:1 from .*big.tar: its tar is larger than 2 MiB\\. "
                        + "That is beyond the limit on uncompressed bytes of one layer, 2 MiB \\(imageassert.limits.layerSize\\)\\. .*"
                        + "raise the limit with -Dimageassert.limits.layerSize=8MiB \\(or the environment variable "
                        + "IMAGEASSERT_LIMITS_LAYERSIZE\\)\\.");

        // AND with 4 MiB it is read
        System.setProperty("imageassert.limits.layerSize", "4MiB");
        assertThat(ContainerImage.fromArchive(archive).file("/c")).get().extracting(f -> f.size()).isEqualTo(MiB);

        // AND a file bigger than the limit is refused from its header, before its bytes are read
        System.setProperty("imageassert.limits.layerSize", "512 KiB");
        assertThatThrownBy(() -> ContainerImage.fromArchive(archive).filesystem()).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining(": the file /a has a size of 1048576 bytes. That is beyond the limit on uncompressed bytes "
                        + "of one layer, 512 KiB (imageassert.limits.layerSize).");
    }

    @Test
    void layersTogetherBeyondTheImageLimitAreRefused() {
        storeOff();
        Path archive = new ImageArchive()
                .layer(new LayerTar().file("/a", new byte[(int) (MiB + MiB / 2)], 0644, 0, 0), "ADD a /")
                .layer(new LayerTar().file("/b", new byte[(int) (MiB + MiB / 2)], 0644, 0, 0), "ADD b /")
                .writeLegacyDockerSave(dir.resolve("two.tar"), "two:1");
        System.setProperty("imageassert.limits.imageSize", "2 MiB");

        assertThatThrownBy(() -> ContainerImage.fromArchive(archive).filesystem())
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.property()).isEqualTo("imageassert.limits.imageSize"))
                .hasMessageContaining(": with this layer, the image's layers are larger than 2 MiB. That is beyond the limit on "
                        + "uncompressed bytes of an image's layers together, 2 MiB (imageassert.limits.imageSize).");
    }

    @Test
    void anArchiveWhoseOwnTarHeadersAreOversizedIsRefusedWhenOpened() throws IOException {
        // GIVEN a docker save archive with an entry in front that carries a 2 MiB PAX record
        Path valid = new ImageArchive().layer(new LayerTar().file("/a", "a"), "ADD a /")
                .writeOciDockerSave(dir.resolve("valid.tar"), "padded:1");
        byte[] front = new RawTar().pax(Map.of("comment", "x".repeat((int) (2 * MiB)))).file("junk", "x").bytes();
        Path padded = dir.resolve("padded.tar");
        Files.write(padded, front);
        Files.write(padded, Files.readAllBytes(valid), java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> ContainerImage.fromArchive(padded).config())
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.property()).isEqualTo("imageassert.limits.tarHeaderSize"))
                .hasMessageStartingWith("Archive " + padded.toAbsolutePath() + ": the headers of an entry near byte 0 take more "
                        + "than 1 MiB.");
        // AND the same archive without the junk entry reads
        assertThat(ContainerImage.fromArchive(valid).readString("/a")).contains("a");
    }
}
