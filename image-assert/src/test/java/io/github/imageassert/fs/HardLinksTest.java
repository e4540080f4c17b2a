package io.github.imageassert.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import io.github.imageassert.testing.RawTar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hard links as a tar extractor makes them: one more name of the file the target names when the link is extracted
 * (in its layer or a lower one, through symlinked directories), whatever happens to that path later. Read with the
 * layer store on (contents from the stored blobs) and off (contents from the archive again).
 */
class HardLinksTest {

    private static final long MiB = 1 << 20;

    @TempDir
    Path dir;

    @AfterEach
    void storeBack() {
        System.clearProperty("imageassert.store");
    }

    private ContainerImage image(boolean store, LayerTar... layers) {
        ImageArchive archive = new ImageArchive();
        for (LayerTar layer : layers) {
            archive.layer(layer, "ADD . /");
        }
        return read(store, archive);
    }

    private ContainerImage read(boolean store, ImageArchive archive) {
        System.setProperty("imageassert.store", store ? dir.resolve("store").toString() : "off");
        return ContainerImage.fromArchive(archive.writeLegacyDockerSave(dir.resolve("links-" + System.nanoTime() + ".tar"), "links:1"));
    }

    @ParameterizedTest(name = "store {0}")
    @ValueSource(booleans = {true, false})
    void aChainOfLinksThroughASymlinkedDirectoryReadsTheFileItEndsAt(boolean store) {
        // GIVEN busybox's layout on a merged /usr: /bin -> usr/bin, /usr/bin/ls a link to bin/busybox, and in the
        // next layer /hl a link to bin/ls
        ContainerImage image = image(store,
                new LayerTar().dir("/usr").dir("/usr/bin").file("/usr/bin/busybox", "BUSYBOX".getBytes(), 0755, 0, 0)
                        .symlink("/bin", "usr/bin").hardlink("/usr/bin/ls", "/bin/busybox"),
                new LayerTar().hardlink("/hl", "/bin/ls"));

        // THEN each link is a regular file of busybox's size, and reads busybox's bytes
        assertThat(image.file("/hl")).get().satisfies(e -> {
            assertThat(e.type()).isEqualTo(FileType.HARDLINK);
            assertThat(e.size()).isEqualTo(7);
            assertThat(e.linkTarget()).isEqualTo("/bin/ls");
        });
        assertThat(image.readString("/hl")).contains("BUSYBOX");
        assertThat(image.readString("/usr/bin/ls")).contains("BUSYBOX");
        assertThat(image.readString("/bin/ls")).contains("BUSYBOX");
        Map<FileEntry, byte[]> all = image.readContents(image.filesystem().entries(), 100);
        assertThat(all.entrySet()).filteredOn(e -> e.getKey().path().equals("/hl"))
                .singleElement().satisfies(e -> assertThat(new String(e.getValue(), StandardCharsets.UTF_8)).isEqualTo("BUSYBOX"));
    }

    @ParameterizedTest(name = "store {0}")
    @ValueSource(booleans = {true, false})
    void aLinkKeepsTheFileItWasMadeToWhenItsPathIsWrittenAgain(boolean store) {
        // GIVEN /a in the base layer, then a layer that links /hl to /a and then writes a new /a
        ContainerImage image = image(store,
                new LayerTar().file("/a", "old"),
                new LayerTar().hardlink("/hl", "/a").file("/a", "newer"));

        // THEN the link still has the old file (the extractor replaced /a with a new file, not its bytes)
        assertThat(image.readString("/hl")).contains("old");
        assertThat(image.file("/hl")).get().extracting(FileEntry::size).isEqualTo(3L);
        assertThat(image.readString("/a")).contains("newer");
    }

    @Test
    void aLinkToASymlinkIsThatSymlink() {
        ContainerImage image = image(false, new LayerTar().dir("/etc").file("/etc/real", "R")
                .symlink("/etc/alias", "real").hardlink("/etc/hl", "/etc/alias"));

        assertThat(image.filesystem().entry("/etc/hl")).get().satisfies(e -> {
            assertThat(e.type()).isEqualTo(FileType.SYMLINK);
            assertThat(e.linkTarget()).isEqualTo("real");
        });
        assertThat(image.readString("/etc/hl")).contains("R");
    }

    @Test
    void aHiddenLinkStillReadsItsFile() {
        ContainerImage image = image(false,
                new LayerTar().file("/a", "A").hardlink("/hl", "/a"),
                new LayerTar().whiteout("/hl"));

        List<FileEntry> hidden = image.filesystem().removed().stream().map(RemovedEntry::entry).toList();
        assertThat(image.readContents(hidden, 10)).extractingFromEntries(e -> e.getKey().path(), e -> new String(e.getValue()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/hl", "A"));
    }

    @Test
    void linksTheEngineCannotExtractAreCorruptLayers() {
        // a target that is not there, one a layer in between removed, one that comes later in the layer
        assertCorrupt("the hard link /hl points to /missing, which does not exist where the link is extracted",
                new LayerTar().file("/a", "a").hardlink("/hl", "/missing"));
        assertCorrupt("Layer 2 (sha256:", new LayerTar().file("/a", "a"), new LayerTar().whiteout("/a"),
                new LayerTar().hardlink("/hl", "/a"));
        assertCorrupt("the hard link /hl points to /later", new LayerTar().hardlink("/hl", "/later").file("/later", "x"));
        // a directory, and itself
        assertCorrupt("the hard link /hl points to the directory /etc, and no filesystem links directories",
                new LayerTar().dir("/etc").hardlink("/hl", "/etc"));
        assertCorrupt("the hard link /a points to itself", new LayerTar().file("/a", "a"), new LayerTar().hardlink("/a", "/a"));
    }

    private void assertCorrupt(String message, LayerTar... layers) {
        ContainerImage image = image(false, layers);
        assertThatThrownBy(image::filesystem).isInstanceOf(CorruptLayerException.class)
                .hasMessageContaining(" of links:1: ")
                .hasMessageContaining(message)
                .hasMessageEndingWith("The engine cannot extract such a layer; the image is corrupt or was assembled by hand. Build it again.");
    }

    // ---------------------------------------------------------------- a file and its links read together

    /** A layer with a sparse file of {@code size} bytes (512 bytes of X at its start) and two hard links to it. */
    private static ImageArchive sharedFile(long size) {
        byte[] xs = new byte[512];
        Arrays.fill(xs, (byte) 'X');
        byte[] tar = new RawTar().oldGnuSparse("big", size, new long[][] {{0, 512}, {size, 0}}, xs)
                .header("hl1", '1', 0, "big").header("hl2", '1', 0, "big").end();
        return new ImageArchive().rawLayer(tar, "ADD big /");
    }

    @ParameterizedTest(name = "store {0}")
    @ValueSource(booleans = {true, false})
    void aFileAndItsLinksReadTogetherHonourMaxBytes(boolean store) {
        // GIVEN a 3 GiB file (sparse: a few bytes in the archive) and two hard links to it
        ContainerImage image = read(store, sharedFile(3 * 1024 * MiB));

        // WHEN 16 bytes of each are asked for at once THEN each gets 16 bytes, without the file being read whole
        Map<FileEntry, byte[]> read = image.readContents(image.filesystem().entries(), 16);
        assertThat(read.entrySet()).extracting(e -> e.getKey().path(), e -> new String(e.getValue(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/big", "X".repeat(16)),
                        org.assertj.core.groups.Tuple.tuple("/hl1", "X".repeat(16)),
                        org.assertj.core.groups.Tuple.tuple("/hl2", "X".repeat(16)));
    }

    @ParameterizedTest(name = "store {0}")
    @ValueSource(booleans = {true, false})
    void aFileAndItsLinksReadWholeAreEachReadWhole(boolean store) throws Exception {
        // GIVEN a 40 MiB file and two links to it, more than is kept to hand the same bytes to each
        long size = 40 * MiB;
        ContainerImage image = read(store, sharedFile(size));
        byte[] expected = new byte[(int) size];
        Arrays.fill(expected, 0, 512, (byte) 'X');
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected));

        // WHEN a visitor reads each to its end THEN each is visited once, with every byte
        Map<String, String> digests = new ConcurrentHashMap<>();
        image.readContents(image.filesystem().entries(), (entry, in) -> {
            MessageDigest sha = io.github.imageassert.testing.LayerTar.sha256Digest();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            assertThat(digests.put(entry.path(), HexFormat.of().formatHex(sha.digest()))).isNull();
        });
        assertThat(digests).containsOnlyKeys("/big", "/hl1", "/hl2").allSatisfy((path, d) -> assertThat(d).isEqualTo(digest));
    }
}
