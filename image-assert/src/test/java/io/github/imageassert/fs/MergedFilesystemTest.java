package io.github.imageassert.fs;

import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.index.MergedFilesystem;
import io.github.imageassert.internal.tar.LayerIndexer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.internal.limits.Limit;
import io.github.imageassert.internal.limits.Limits;
import io.github.imageassert.testing.LayerTar;
import io.github.imageassert.testing.RawTar;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MergedFilesystemTest {

    private static MergedFilesystem merge(LayerTar... layers) {
        LayerIndexer reader = new LayerIndexer(ContentCapture.essentials());
        List<LayerIndex> indexes = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            indexes.add(reader.indexBlob(new ByteArrayInputStream(layers[i].bytes()), i, String.valueOf(i)));
        }
        return MergedFilesystem.merge(indexes);
    }

    @Test
    void whiteoutRemovesAPathAndItsSubtreeButKeepsARecordOfIt() {
        ImageFilesystem fs = merge(
                new LayerTar().dir("/app").file("/app/secret.env", "TOKEN=abc").dir("/app/cache").file("/app/cache/x", "12345"),
                new LayerTar().dir("/app").whiteout("/app/secret.env").whiteout("/app/cache"));

        assertThat(fs.entry("/app/secret.env")).isEmpty();
        assertThat(fs.entry("/app/cache")).isEmpty();
        assertThat(fs.entry("/app/cache/x")).isEmpty();
        assertThat(fs.entry("/app")).isPresent();
        assertThat(fs.removed()).extracting(r -> r.entry().path(), RemovedEntry::removedBy, RemovedEntry::how)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/app/secret.env", 1, RemovedEntry.How.WHITEOUT),
                        org.assertj.core.groups.Tuple.tuple("/app/cache", 1, RemovedEntry.How.WHITEOUT),
                        org.assertj.core.groups.Tuple.tuple("/app/cache/x", 1, RemovedEntry.How.WHITEOUT));
        assertThat(fs.removed()).filteredOn(r -> r.entry().path().equals("/app/secret.env"))
                .singleElement().satisfies(r -> {
                    assertThat(r.entry().layer()).isZero();
                    assertThat(r.entry().size()).isEqualTo(9);
                });
    }

    @Test
    void opaqueDirectoryHidesLowerChildrenButKeepsItsOwnLayersChildren() {
        ImageFilesystem fs = merge(
                new LayerTar().dir("/data").file("/data/old.txt", "old").dir("/data/sub").file("/data/sub/deep", "d"),
                new LayerTar().dir("/data").opaque("/data").file("/data/new.txt", "new"));

        assertThat(fs.entry("/data/new.txt")).get().extracting(FileEntry::layer).isEqualTo(1);
        assertThat(fs.entry("/data/old.txt")).isEmpty();
        assertThat(fs.entry("/data/sub/deep")).isEmpty();
        assertThat(fs.under("/data")).extracting(FileEntry::path).containsExactly("/data/new.txt");
        assertThat(fs.removed()).extracting(RemovedEntry::how).containsOnly(RemovedEntry.How.OPAQUE);
    }

    @Test
    void overwrittenFileIsRecordedWithTheLayerThatReplacedIt() {
        ImageFilesystem fs = merge(new LayerTar().file("/etc/motd", "one"), new LayerTar().file("/etc/motd", "second"));

        assertThat(fs.entry("/etc/motd")).get().satisfies(e -> {
            assertThat(e.layer()).isEqualTo(1);
            assertThat(e.size()).isEqualTo(6);
        });
        assertThat(fs.removed()).singleElement().satisfies(r -> {
            assertThat(r.how()).isEqualTo(RemovedEntry.How.OVERWRITTEN);
            assertThat(r.entry().size()).isEqualTo(3);
            assertThat(r.removedBy()).isEqualTo(1);
        });
    }

    @Test
    void mergedUsrLinksResolveLikeTheKernel() {
        ImageFilesystem fs = merge(new LayerTar()
                .dir("/usr").dir("/usr/bin").symlink("/bin", "usr/bin")
                .file("/usr/bin/gcc-12", "ELF".getBytes(), 0755, 0, 0).symlink("/usr/bin/gcc", "gcc-12")
                .symlink("/usr/bin/cc", "/etc/alternatives/cc").dir("/etc").dir("/etc/alternatives")
                .symlink("/etc/alternatives/cc", "/usr/bin/gcc"));

        assertThat(fs.resolve("/bin/gcc")).get().extracting(FileEntry::path).isEqualTo("/usr/bin/gcc-12");
        assertThat(fs.resolve("/bin/cc")).get().extracting(FileEntry::path).isEqualTo("/usr/bin/gcc-12");
        assertThat(fs.entry("/bin/gcc")).get().extracting(FileEntry::type).isEqualTo(FileType.SYMLINK);
        assertThat(fs.lookup("/bin/gcc", true).links()).containsExactly("/bin -> usr/bin", "/usr/bin/gcc -> gcc-12");
        assertThat(fs.resolve("/usr/bin/../../../../bin/gcc-12")).isPresent();
        assertThat(fs.resolve("/bin/missing")).isEmpty();
        assertThat(fs.lookup("/bin/gcc-12/x", true).exists()).isFalse();
    }

    @Test
    void symlinkLoopIsAClearErrorNotAHang() {
        ImageFilesystem fs = merge(new LayerTar().symlink("/a", "b").symlink("/b", "/a").symlink("/self", "self"));

        assertThatThrownBy(() -> fs.resolve("/a/file"))
                .isInstanceOf(SymlinkLoopException.class)
                .hasMessageContaining("Too many levels of symbolic links resolving '/a/file'")
                .hasMessageContaining("/a -> b -> ");
        assertThatThrownBy(() -> fs.resolve("/self")).isInstanceOf(SymlinkLoopException.class);
        assertThat(fs.entry("/self")).get().extracting(FileEntry::isSymlink).isEqualTo(true);
    }

    @Test
    void hardlinkTakesItsTargetsSize() {
        ImageFilesystem fs = merge(new LayerTar().file("/usr/bin/perl5.36", "#!perl...".getBytes(), 0755, 0, 0)
                .hardlink("/usr/bin/perl", "/usr/bin/perl5.36"));

        assertThat(fs.entry("/usr/bin/perl")).get().satisfies(e -> {
            assertThat(e.type()).isEqualTo(FileType.HARDLINK);
            assertThat(e.isRegularFile()).isTrue();
            assertThat(e.size()).isEqualTo(9);
            assertThat(e.linkTarget()).isEqualTo("/usr/bin/perl5.36");
        });
    }

    @Test
    @Timeout(10)
    void parentsALayerLeavesOutAreAddedButNotBeyondItsOwnSize() {
        // GIVEN the layer: one file 20,000 directories deep, none of them listed, read with the limits on
        // path length and depth raised out of the way
        String deep = "/d".repeat(20_000) + "/file";
        byte[] tar = new RawTar().pax(java.util.Map.of("path", deep)).file("x", "x").end();
        Limits raised = Limits.defaults().with(Limit.PATH_LENGTH, 1 << 20).with(Limit.PATH_DEPTH, 1 << 20);
        LayerIndex layer = new LayerIndexer(ContentCapture.none(), raised).indexBlob(new ByteArrayInputStream(tar), 0, "0");

        // WHEN it is merged THEN adding its 20,000 parents (400 MB of paths) stops as soon as they pass its own size
        assertThatThrownBy(() -> MergedFilesystem.merge(List.of(layer), "deep:1")).isInstanceOf(CorruptLayerException.class)
                .hasMessageStartingWith("Layer 0 (" + layer.diffId() + ") of deep:1: its entries imply more than "
                        + (layer.tarSize() + (1 << 20)) + " bytes of parent directory paths that it does not list");

        // AND a layer that leaves out the parents of many files, as some writers do, is merged with them
        LayerTar many = new LayerTar();
        for (int i = 0; i < 200; i++) {
            many.file("/opt/app-" + i + "/lib/a/b/c/d/e/f/g/file", "x");
        }
        MergedFilesystem fs = merge(many);
        assertThat(fs.entry("/opt/app-7/lib/a/b/c")).get().extracting(FileEntry::isDirectory).isEqualTo(true);
        assertThat(fs.size()).isEqualTo(1 + 1 + 200 * 10);
    }

    @Test
    void importStyleNamesAndModesAreNormalised() {
        ImageFilesystem fs = merge(new LayerTar().importStyle().dir("/usr").dir("/usr/bin")
                .file("/usr/bin/tool", "x".getBytes(), 04755, 0, 0).dir("/tmp", 01777, 0, 0).fifo("/run-fifo"));

        assertThat(fs.entry("/usr/bin/tool")).get().satisfies(e -> {
            assertThat(e.mode()).isEqualTo(04755);
            assertThat(e.modeString()).isEqualTo("-rwsr-xr-x");
        });
        assertThat(fs.entry("/tmp")).get().extracting(FileEntry::modeString).isEqualTo("drwxrwxrwt");
        assertThat(fs.entry("/run-fifo")).get().extracting(FileEntry::type).isEqualTo(FileType.FIFO);
    }

    @Test
    void paxLongNamesAndBigIdsSurvive() {
        String longName = "/opt/" + "very-long-directory-name/".repeat(8) + "file.txt";
        ImageFilesystem fs = merge(new LayerTar().file(longName, "x".getBytes(), 0600, 3_000_000_000L, 4_000_000_000L));

        assertThat(fs.entry(longName)).get().satisfies(e -> {
            assertThat(e.uid()).isEqualTo(3_000_000_000L);
            assertThat(e.gid()).isEqualTo(4_000_000_000L);
        });
        assertThat(fs.entry("/opt/very-long-directory-name")).get().extracting(FileEntry::isDirectory).isEqualTo(true);
    }

    @Test
    void gzipAndZstdLayersAreReadByTheirMagicBytes() {
        byte[] tar = new LayerTar().file("/hello", "world").bytes();
        LayerIndexer reader = new LayerIndexer(ContentCapture.none());
        LayerIndex plain = reader.indexBlob(new ByteArrayInputStream(tar), 0, "plain");
        LayerIndex gz = reader.indexBlob(new ByteArrayInputStream(LayerTar.gzip(tar)), 0, "gz");
        LayerIndex zs = reader.indexBlob(new ByteArrayInputStream(LayerTar.zstd(tar)), 0, "zstd");

        assertThat(gz.diffId()).isEqualTo(plain.diffId()).isEqualTo(LayerTar.sha256(tar));
        assertThat(zs.diffId()).isEqualTo(plain.diffId());
        assertThat(zs.tarSize()).isEqualTo(tar.length);
        assertThat(zs.contentSize()).isEqualTo(5);
        assertThat(zs.entries()).extracting(FileEntry::path).containsExactly("/hello");
    }

    @Test
    void anEntryEscapingTheRootIsRefused() {
        byte[] tar = new LayerTar().raw("../../etc/evil", "x").bytes();
        LayerIndexer reader = new LayerIndexer(ContentCapture.none());

        assertThatThrownBy(() -> reader.indexBlob(new ByteArrayInputStream(tar), 3, "3 (sha256:abc)"))
                .isInstanceOf(PathEscapesRootException.class)
                .hasMessageContaining("Layer 3 (sha256:abc) has an entry '../../etc/evil' that escapes the image root");
    }

    @Test
    void aTruncatedLayerIsACorruptLayerError() {
        byte[] tar = new LayerTar().file("/big", "x".repeat(5000)).bytes();
        byte[] truncated = java.util.Arrays.copyOf(tar, 2048);
        LayerIndexer reader = new LayerIndexer(ContentCapture.none());

        assertThatThrownBy(() -> reader.indexBlob(new ByteArrayInputStream(truncated), 0, "0"))
                .isInstanceOf(CorruptLayerException.class)
                .hasMessageContaining("Layer 0")
                .hasMessageContaining("truncated");
    }

    @Test
    void essentialFilesAreCapturedForEveryCopyByEntry() {
        MergedFilesystem fs = merge(new LayerTar().dir("/etc").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n"),
                new LayerTar().file("/etc/passwd", "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n"));

        assertThat(new String(fs.capturedContent(fs.entry("/etc/passwd").orElseThrow()).orElseThrow())).contains("app:x:1000");
        FileEntry hidden = fs.removed().get(0).entry();
        assertThat(new String(fs.capturedContent(hidden).orElseThrow())).isEqualTo("root:x:0:0::/root:/bin/sh\n");
    }
}
