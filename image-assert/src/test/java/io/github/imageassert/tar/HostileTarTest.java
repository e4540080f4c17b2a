package io.github.imageassert.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.imageassert.ContainerImage;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.image.LimitExceededException;
import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.limits.Limit;
import io.github.imageassert.internal.limits.Limits;
import io.github.imageassert.internal.tar.LayerIndexer;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import io.github.imageassert.testing.RawTar;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer tars written byte by byte with what a hostile (or broken) writer puts in them: oversized extended headers,
 * chains of them, entries hidden where the engine's reader would see them and ours would not, sparse maps that do
 * not describe their data, paths beyond what a filesystem holds, too many entries. Each is read as the engine reads
 * it, or refused with a typed error, fast and without holding more than the limits allow.
 */
class HostileTarTest {

    private static final long MiB = 1 << 20;

    private static LayerIndex index(byte[] tar) {
        return index(new ByteArrayInputStream(tar), Limits.defaults());
    }

    private static LayerIndex index(InputStream tar, Limits limits) {
        return new LayerIndexer(ContentCapture.none(), limits).indexBlob(tar, 0, "0 (test)");
    }

    // ---------------------------------------------------------------- extended headers

    @Test
    @Timeout(30)
    void aPaxRecordOf300MiBFailsAfterTheLimitWithoutBeingBuffered() {
        // GIVEN a layer whose PAX header claims 300 MiB, one record as long, its bytes generated as they are read
        long size = 300 * MiB;
        byte[] head = new RawTar().header("././@PaxHeader", 'x', size, "").bytes();
        byte[] record = (size + " comment=").getBytes(StandardCharsets.US_ASCII);
        byte[] start = new byte[head.length + record.length];
        System.arraycopy(head, 0, start, 0, head.length);
        System.arraycopy(record, 0, start, head.length, record.length);
        RawTar.Counting in = new RawTar.Counting(RawTar.followedByZeros(start, size));

        // WHEN it is indexed THEN the limit on one entry's headers stops it, after little more than the limit was read
        assertThatThrownBy(() -> index(in, Limits.defaults()))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.property()).isEqualTo("imageassert.limits.tarHeaderSize");
                    assertThat(e.limit()).isEqualTo(MiB);
                })
                .hasMessageStartingWith("Layer 0 (test): the headers of the tar entry at the start take more than 1 MiB. "
                        + "That is beyond the limit on bytes of one tar entry's extended headers, 1 MiB (imageassert.limits.tarHeaderSize).")
                .hasMessageContaining("-Dimageassert.limits.tarHeaderSize=4MiB");
        assertThat(in.count()).isLessThan(2 * MiB);
    }

    @Test
    void gnuLongNamesAndGlobalPaxHeadersAreHeldToTheSameLimit() {
        String longName = "a".repeat((int) (2 * MiB));
        byte[] gnu = new RawTar().file("ok", "fine").gnuLongName(longName).file("short", "x").end();
        byte[] global = new RawTar().header("pax_global_header", 'g', 0, "")
                .pax(Map.of("comment", "b".repeat((int) (2 * MiB)))).file("next", "x").end();

        assertThatThrownBy(() -> index(gnu)).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("the headers of the tar entry after 'ok' (entry 1) take more than 1 MiB");
        assertThatThrownBy(() -> index(global)).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("(imageassert.limits.tarHeaderSize)");
        // AND a raised limit lets the same long name through
        LayerIndex raised = index(new ByteArrayInputStream(gnu), Limits.defaults().with(Limit.TAR_HEADER_SIZE, 4 * MiB)
                .with(Limit.PATH_LENGTH, 4 * MiB));
        assertThat(raised.entries()).extracting(FileEntry::path).containsExactly("/ok", "/" + longName);
    }

    @Test
    void aChainOfExtendedHeadersBeforeOneEntryIsRefused() {
        // GIVEN 20 PAX headers in a row before one file (a tar reader recurses once for each)
        RawTar tar = new RawTar();
        for (int i = 0; i < 20; i++) {
            tar.pax(Map.of("comment", "header " + i));
        }
        byte[] chained = tar.file("file", "x").end();

        assertThatThrownBy(() -> index(chained)).isInstanceOf(CorruptLayerException.class)
                .hasMessageContaining("more than 16 extended headers (PAX, GNU long names) precede one entry at the start");
    }

    @Test
    void aRealisticPaxHeaderPasses() {
        // GIVEN what writers put in PAX headers: a long path, times, xattrs
        Map<String, String> records = new LinkedHashMap<>();
        records.put("path", "usr/share/" + "d/".repeat(100) + "file");
        records.put("mtime", "1700000000.123456789");
        records.put("SCHILY.xattr.security.capability", "\u0001\u0000\u0000\u0002");
        byte[] tar = new RawTar().pax(records).file("ignored", "content").end();

        assertThat(index(tar).entries()).extracting(FileEntry::path)
                .containsExactly("/usr/share/" + "d/".repeat(100) + "file");
    }

    // ---------------------------------------------------------------- entries the engine sees

    @Test
    void entriesThatCarryNoDataAreReadWithoutDataWhateverTheirSizeSays() {
        // GIVEN a symlink whose size field claims 1024 bytes; what follows are two entries, as Go's reader (the
        // engine's) sees them: it reads no data for links, devices, FIFOs or directories
        byte[] hidden = new RawTar().header("hidden", '0', 0, "").header("also-hidden", '6', 0, "").bytes();
        byte[] tar = new RawTar().header("link", '2', hidden.length, "target").data(hidden).file("visible", "v").end();

        assertThat(index(tar).entries()).extracting(FileEntry::path)
                .containsExactly("/link", "/hidden", "/also-hidden", "/visible");
    }

    @Test
    void entriesThatCarryNoDataHaveNoPaddingWhateverTheirSizeSays() {
        // GIVEN header-only entries whose size fields are not whole records (5, 700 and 1 bytes), each followed directly
        // by the next header, as Go's reader expects: no data, so no padding
        byte[] tar = new RawTar().header("link", '2', 5, "target").header("fifo", '6', 700, "")
                .header("dev", '3', 1, "").file("visible", "v").end();

        // THEN every entry is read where it lies (the reader padded them by their size fields, lost its step and
        // called the tar corrupt)
        assertThat(index(tar).entries()).extracting(FileEntry::path)
                .containsExactly("/link", "/fifo", "/dev", "/visible");
    }

    @Test
    @Timeout(20)
    void globalPaxHeadersAreIgnoredAsTheEngineIgnoresThem() {
        // GIVEN a global PAX header that names a path and an owner, before two files
        byte[] records = RawTar.paxData(Map.of("path", "hijacked", "uid", "0"));
        byte[] tar = new RawTar().header("pax_global_header", 'g', records.length, "").data(records)
                .file("a", "a").file("b", "b").end();

        // THEN the files keep their own names, as the engine extracts them (Commons Compress named both "hijacked")
        assertThat(index(tar).entries()).extracting(FileEntry::path).containsExactly("/a", "/b");

        // AND a global header of 100,000 records before 5,000 entries costs nothing per entry
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            many.put("k" + i, "");
        }
        byte[] manyRecords = RawTar.paxData(many);
        RawTar crowded = new RawTar().header("pax_global_header", 'g', manyRecords.length, "").data(manyRecords);
        for (int i = 0; i < 5_000; i++) {
            crowded.file("f" + i, "");
        }
        assertThat(index(crowded.end()).entries()).hasSize(5_000);
    }

    @Test
    void aFileWithDataWhoseNameEndsInASlashKeepsTheReaderInStep() {
        // GIVEN a regular-file entry named "dir/" with 512 bytes of data that look like a header
        byte[] ghost = RawTar.headerBlock("ghost", '0', 0, "", false);
        byte[] tar = new RawTar().header("dir/", '0', ghost.length, "").data(ghost).file("real", "r").end();

        // THEN its data is skipped as the engine skips it: no "ghost" entry, and the next one is read
        assertThat(index(tar).entries()).extracting(FileEntry::path).containsExactly("/dir", "/real");
    }

    // ---------------------------------------------------------------- sparse files

    @Test
    void aSparseFileAsGnuTarWritesItReadsWithItsHoles(@TempDir Path dir) {
        // GIVEN an old GNU sparse file of 12 KiB: 512 bytes of A at 0, 512 bytes of B at 8 KiB, a hole to the end
        byte[] a = new byte[512];
        byte[] b = new byte[512];
        Arrays.fill(a, (byte) 'A');
        Arrays.fill(b, (byte) 'B');
        byte[] stored = new byte[1024];
        System.arraycopy(a, 0, stored, 0, 512);
        System.arraycopy(b, 0, stored, 512, 512);
        byte[] tar = new RawTar().oldGnuSparse("sparse", 12288, new long[][] {{0, 512}, {8192, 512}, {12288, 0}}, stored)
                .file("after", "after").end();
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive().rawLayer(tar, "ADD sparse /")
                .writeLegacyDockerSave(dir.resolve("sparse.tar"), "sparse:1"));

        // THEN its size is the file's, and its content has the data where the map puts it and zeros elsewhere
        byte[] expected = new byte[12288];
        System.arraycopy(a, 0, expected, 0, 512);
        System.arraycopy(b, 0, expected, 8192, 512);
        assertThat(image.file("/sparse")).get().extracting(FileEntry::size).isEqualTo(12288L);
        assertThat(image.readFile("/sparse", 1 << 20)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(expected));
        assertThat(image.readString("/after")).contains("after");
    }

    @Test
    void sparseMapsThatDoNotDescribeTheirDataAreRefused() {
        // the case, a file of 5 bytes with no run at all (the map ends at 0), last in its layer
        byte[] empty = new RawTar().oldGnuSparse("s", 5, new long[0][], new byte[0]).end();
        // a run of 1024 bytes for an entry that stores none (its "data" would be the end blocks)
        byte[] overrun = new RawTar().oldGnuSparse("s", 1024, new long[][] {{0, 1024}, {1024, 0}}, new byte[0]).end();
        // runs out of order (a reader that sorts them would swap the data)
        byte[] unordered = new RawTar().oldGnuSparse("s", 4096, new long[][] {{2048, 512}, {0, 512}, {4096, 0}},
                new byte[1024]).file("next", "n").end();

        assertThatThrownBy(() -> index(empty)).isInstanceOf(CorruptLayerException.class)
                .hasMessageContaining("the sparse map of 's' ends at 0 but the file's size is 5");
        assertThatThrownBy(() -> index(overrun)).isInstanceOf(CorruptLayerException.class)
                .hasMessageContaining("the sparse map of 's' describes 1024 bytes of data but the entry stores 0");
        assertThatThrownBy(() -> index(unordered)).isInstanceOf(CorruptLayerException.class)
                .hasMessageContaining("the sparse map of 's' lists a run at 0 before the end of the previous one (2560)");
    }

    @Test
    @Timeout(30)
    void holesAreSkippedNotRead() {
        // GIVEN two sparse files of almost 8 GiB each, 512 bytes of data in each
        long size = 8L * 1024 * MiB - 512;
        byte[] tar = new RawTar().oldGnuSparse("big1", size, new long[][] {{0, 512}, {size, 0}}, new byte[512])
                .oldGnuSparse("big2", size, new long[][] {{0, 512}, {size, 0}}, new byte[512]).file("end", "e").end();

        // WHEN the layer is indexed THEN going past them costs nothing like reading 16 GiB of zeros
        long start = System.nanoTime();
        assertThat(index(tar).entries()).extracting(FileEntry::path, FileEntry::size)
                .containsExactly(tuple("/big1", size), tuple("/big2", size), tuple("/end", 1L));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    // ---------------------------------------------------------------- limits on paths and entries

    @Test
    void aPathTwentyThousandDirectoriesDeepIsRefusedAtOnce() {
        // GIVEN the case: a file 20,000 directories deep in a layer of a few hundred bytes (gzip)
        String deep = "d/".repeat(20_000) + "file";
        byte[] gzip = LayerTar.gzip(new RawTar().pax(Map.of("path", deep)).file("x", "x").end());
        assertThat(gzip.length).isLessThan(1000);

        assertThatThrownBy(() -> index(new ByteArrayInputStream(gzip), Limits.defaults()))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.property()).isEqualTo("imageassert.limits.pathLength"))
                .hasMessageContaining("has a path of 40005 bytes. That is beyond the limit on bytes of a path, 4,096 (imageassert.limits.pathLength).");
        // AND with a raised length, the depth limit stops it
        assertThatThrownBy(() -> index(new ByteArrayInputStream(gzip), Limits.defaults().with(Limit.PATH_LENGTH, MiB)))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.property()).isEqualTo("imageassert.limits.pathDepth"))
                .hasMessageContaining("is 20001 components deep. That is beyond the limit on components of a path, 2,048");
    }

    @Test
    void pathsAndLinkTargetsUpToTheLimitsPass() {
        String longest = "/" + "p".repeat(4095);
        String deepest = "/d".repeat(255) + "/f";
        byte[] tar = new RawTar().pax(Map.of("path", longest)).file("x", "1").pax(Map.of("path", deepest)).file("y", "2")
                .pax(Map.of("linkpath", longest)).header("hl", '1', 0, "").end();

        assertThat(index(tar).entries()).extracting(FileEntry::path).containsExactly(longest, deepest, "/hl");
        byte[] tooLongTarget = new RawTar().pax(Map.of("linkpath", longest + "x")).header("hl", '1', 0, "").end();
        assertThatThrownBy(() -> index(tooLongTarget)).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("has a path of 4097 bytes");
    }

    @Test
    void theDepthLimitCountsComponentsWhateverThePathsLength() {
        // GIVEN a depth limit of 4, and paths at it and one past it, short and long
        Limits four = Limits.defaults().with(Limit.PATH_DEPTH, 4);
        String atTheLimit = "/a/b/c/d";
        String longAtTheLimit = "/" + "a".repeat(300) + "/b/c/d";
        String pastIt = "/a/b/c/d/e";
        byte[] tar = new RawTar().pax(Map.of("path", "/abcd")).file("x", "1").pax(Map.of("path", atTheLimit)).file("y", "2")
                .pax(Map.of("path", longAtTheLimit)).file("z", "3").end();

        // THEN those at the limit are read, and the one past it is refused with its depth
        assertThat(index(new ByteArrayInputStream(tar), four).entries()).extracting(FileEntry::path)
                .containsExactly("/abcd", atTheLimit, longAtTheLimit);
        byte[] deeper = new RawTar().pax(Map.of("path", pastIt)).file("x", "1").end();
        assertThatThrownBy(() -> index(new ByteArrayInputStream(deeper), four)).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("is 5 components deep. That is beyond the limit on components of a path, 4");
    }

    @Test
    void aLayerWithMoreEntriesThanTheLimitIsRefused() {
        RawTar tar = new RawTar();
        for (int i = 0; i < 150; i++) {
            tar.file("f" + i, "");
        }
        byte[] bytes = tar.end();

        assertThat(index(bytes).entries()).hasSize(150);
        assertThatThrownBy(() -> index(new ByteArrayInputStream(bytes), Limits.defaults().with(Limit.LAYER_ENTRIES, 100)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.property()).isEqualTo("imageassert.limits.layerEntries");
                    assertThat(e.limit()).isEqualTo(100);
                })
                .hasMessageStartingWith("Layer 0 (test): it has more than 100 entries. That is beyond the limit on entries of one layer, 100 ");
    }

    // ---------------------------------------------------------------- contents kept while indexing

    @Test
    void contentsCapturedFromOneLayerAreBoundedAndNeverStale(@TempDir Path dir) {
        // GIVEN a layer of 20 files of 4 MiB where package databases are captured (distroless' status.d), then
        // /etc/passwd twice: a small copy, and a copy of the same size written when nothing more is captured
        byte[] big = new byte[4 << 20];
        LayerTar layer = new LayerTar().dir("/var").dir("/var/lib").dir("/var/lib/dpkg").dir("/var/lib/dpkg/status.d");
        for (int i = 0; i < 20; i++) {
            Arrays.fill(big, (byte) ('a' + i));
            layer.file("/var/lib/dpkg/status.d/pkg" + i, big.clone(), 0644, 0, 0);
        }
        layer.dir("/etc").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n").file("/etc/passwd", "evil:x:0:0::/root:/bin/sh\n");
        byte[] tar = layer.bytes();

        // THEN at most 32 MiB of it is kept, and the later /etc/passwd is not answered with the earlier one's bytes
        LayerIndex index = new LayerIndexer(ContentCapture.essentials(), Limits.defaults()).indexBlob(new ByteArrayInputStream(tar), 0, "0");
        assertThat(index.contents().values().stream().mapToLong(b -> b.length).sum()).isLessThanOrEqualTo(32 << 20);
        assertThat(index.contents()).doesNotContainKey("/etc/passwd");
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive().rawLayer(tar, "ADD . /")
                .writeLegacyDockerSave(dir.resolve("captured.tar"), "captured:1"));
        assertThat(image.readString("/etc/passwd")).contains("evil:x:0:0::/root:/bin/sh\n");
        assertThat(image.readFile("/var/lib/dpkg/status.d/pkg19", 3)).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("ttt"));
    }
}
