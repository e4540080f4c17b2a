package io.github.imageassert.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.source.ArchiveSource;
import io.github.imageassert.internal.store.LayerStore;
import io.github.imageassert.internal.store.StoreSettings;
import io.github.imageassert.testing.ChildJvm;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer store on images the tests write: what it keeps, what it refuses to trust, and how it recovers. */
class LayerStoreTest {

    @TempDir
    Path dir;

    private static LayerTar base() {
        return new LayerTar().dir("/etc").file("/etc/os-release", "ID=test\n").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n");
    }

    private Path archive(String name, LayerTar top) {
        return new ImageArchive().layer(base(), "ADD base /").layer(top, "COPY app /app").writeLegacyDockerSave(dir.resolve(name + ".tar"), name + ":1");
    }

    private static LoadedImage read(Path archive, Path store) {
        return LoadedImage.of(ArchiveSource.dockerArchive(archive, null), LayerStore.open(new StoreSettings(store, StoreSettings.DEFAULT_MAX_BYTES)));
    }

    /** Reads {@code archive} into {@code store}; the hex of its second layer's diff id. */
    private static String storedAppLayer(Path archive, Path store) {
        read(archive, store).filesystem();
        return Digests.hex(read(archive, store).metadata().diffIds().get(1));
    }

    private static List<String> stored(Path store, String kind) throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("v1").resolve(kind.equals("index") ? "index/format-3" : kind).resolve("sha256"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void layersSharedByImagesAreStoredOnceAndEachBlobIsItsDiffId() throws Exception {
        Path store = dir.resolve("store");
        LoadedImage one = read(archive("one", new LayerTar().dir("/app").file("/app/a.txt", "one")), store);
        LoadedImage two = read(archive("two", new LayerTar().dir("/app").file("/app/b.txt", "two")), store);

        assertThat(one.readString("/app/a.txt")).contains("one");
        assertThat(two.readString("/app/b.txt")).contains("two");

        // the base layer once, and one top layer per image
        assertThat(stored(store, "blobs")).hasSize(3).isEqualTo(stored(store, "index"));
        for (String hex : stored(store, "blobs")) {
            assertThat(Digests.sha256(Files.readAllBytes(store.resolve("v1/blobs/sha256/" + hex)))).isEqualTo("sha256:" + hex);
        }
        assertThat(one.metadata().diffIds().get(0)).isEqualTo(two.metadata().diffIds().get(0));
    }

    @Test
    void aSecondReaderOfTheSameImageReadsNothingFromTheArchive() throws Exception {
        Path store = dir.resolve("store");
        Path archive = archive("app", new LayerTar().dir("/app").file("/app/config.yml", "port: 8080\n"));
        assertThat(read(archive, store).filesystem().size()).isPositive();

        // the layers are gone from the archive: only the store can answer now
        Path gutted = new ImageArchive().layer(base(), "ADD base /").layer(new LayerTar().dir("/app").file("/app/config.yml", "port: 8080\n"), "COPY app /app")
                .writeLegacyDockerSave(dir.resolve("copy.tar"), "app:1");
        truncateLayers(gutted);

        LoadedImage again = read(gutted, store);
        assertThat(again.readString("/app/config.yml")).contains("port: 8080\n");
        assertThat(again.readString("/etc/os-release")).contains("ID=test\n");
    }

    /** Overwrites every layer.tar in a legacy archive with zeros of the same length: metadata intact, layers useless. */
    private static void truncateLayers(Path archive) throws IOException {
        Path copy = archive.resolveSibling(archive.getFileName() + ".zeroed");
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(archive));
             var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(copy))) {
            org.apache.commons.compress.archivers.tar.TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().endsWith("/layer.tar")) {
                    java.util.Arrays.fill(data, (byte) 0);
                }
                out.putArchiveEntry(e);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        Files.move(copy, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aBlobChangedOnDiskIsDetectedDiscardedAndReadAgain() throws Exception {
        Path store = dir.resolve("store");
        Path archive = archive("app", new LayerTar().dir("/app").file("/app/secret-sauce.txt", "the original text".repeat(100)));
        LoadedImage first = read(archive, store);
        first.filesystem();
        String diffId = first.metadata().diffIds().get(1);
        var layer = LayerStore.open(new StoreSettings(store, StoreSettings.DEFAULT_MAX_BYTES)).orElseThrow().find(diffId, 1).orElseThrow();
        long offset = layer.index().offset(layer.index().find("/app/secret-sauce.txt").getAsInt());
        Path blob = store.resolve("v1/blobs/sha256/" + Digests.hex(diffId));
        try (RandomAccessFile file = new RandomAccessFile(blob.toFile(), "rw")) {
            file.seek(offset + 5);
            file.write('X');
        }

        LoadedImage second = read(archive, store);

        assertThat(second.readString("/app/secret-sauce.txt")).contains("the original text".repeat(100));
        assertThat(Digests.sha256(Files.readAllBytes(blob))).as("the damaged blob was replaced by a good copy").isEqualTo(diffId);
    }

    @Test
    void aBigReadOnEveryCoreStillNoticesADamagedChunkAndAnswersRight() throws Exception {
        Path store = dir.resolve("store");
        LayerTar many = new LayerTar().dir("/data");
        for (int i = 0; i < 3000; i++) {
            many.file("/data/f" + i + ".txt", "content of file " + i + "\n");
        }
        Path archive = new ImageArchive().layer(base(), "ADD base /").layer(many, "RUN make data")
                .writeLegacyDockerSave(dir.resolve("many.tar"), "many:1");
        LoadedImage first = read(archive, store);
        String diffId = first.metadata().diffIds().get(1);
        first.filesystem();
        var layer = LayerStore.open(new StoreSettings(store, StoreSettings.DEFAULT_MAX_BYTES)).orElseThrow().find(diffId, 1).orElseThrow();
        long offset = layer.index().offset(layer.index().find("/data/f2999.txt").getAsInt());
        try (RandomAccessFile file = new RandomAccessFile(store.resolve("v1/blobs/sha256/" + Digests.hex(diffId)).toFile(), "rw")) {
            file.seek(offset);
            file.write('#');
        }

        LoadedImage second = read(archive, store);
        var entries = second.filesystem().under("/data").stream().filter(e -> e.isRegularFile()).toList();
        Map<String, String> contents = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger visits = new java.util.concurrent.atomic.AtomicInteger();
        second.readContentsInParallel(entries, (entry, in) -> {
            visits.incrementAndGet();
            contents.put(entry.path(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        });

        assertThat(visits).as("each file handed over once, none twice after the recovery").hasValue(3000);
        assertThat(contents).hasSize(3000);
        for (int i = 0; i < 3000; i++) {
            assertThat(contents).containsEntry("/data/f" + i + ".txt", "content of file " + i + "\n");
        }
    }

    @Test
    void aReadOfManyFilesGetsTheCopyOfAPathThatItsLayerExtractsLast() {
        // GIVEN a layer that holds one path twice among enough files for a read of them all to take the bulk lookup
        LayerTar many = new LayerTar().dir("/data").file("/data/twice.txt", "the first copy\n");
        for (int i = 0; i < 400; i++) {
            many.file("/data/f" + i + ".txt", "content of file " + i + "\n");
        }
        many.file("/data/twice.txt", "the copy extracted last\n");
        Path archive = new ImageArchive().layer(base(), "ADD base /").layer(many, "RUN make data")
                .writeLegacyDockerSave(dir.resolve("twice.tar"), "twice:1");
        LoadedImage off = LoadedImage.of(ArchiveSource.dockerArchive(archive, null), LayerStore.open(new StoreSettings(null, 0)));
        read(archive, dir.resolve("store")).filesystem();
        LoadedImage stored = read(archive, dir.resolve("store"));

        for (LoadedImage image : List.of(stored, off)) {
            // WHEN every file under /data is read in one call
            List<FileEntry> entries = image.filesystem().under("/data").stream().filter(FileEntry::isRegularFile).toList();
            Map<FileEntry, byte[]> contents = image.readContents(entries, 1024);

            // THEN each file has its own content, and the path held twice the content of its last copy
            assertThat(entries).hasSize(401);
            assertThat(contents).hasSize(401);
            for (FileEntry entry : entries) {
                String expected = entry.path().equals("/data/twice.txt") ? "the copy extracted last\n"
                        : "content of file " + entry.path().substring("/data/f".length(), entry.path().length() - ".txt".length()) + "\n";
                assertThat(new String(contents.get(entry), StandardCharsets.UTF_8)).as(entry.path()).isEqualTo(expected);
            }
            assertThat(image.readString("/data/twice.txt")).as("one file read alone").contains("the copy extracted last\n");
        }
    }

    @Test
    void aDamagedIndexFileIsNotTrustedAndTheLayerIsReadAgain() throws Exception {
        Path store = dir.resolve("store");
        Path archive = archive("app", new LayerTar().dir("/app").file("/app/a.txt", "a"));
        String hex = storedAppLayer(archive, store);
        Path index = store.resolve("v1/index/format-3/sha256/" + hex);
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        LoadedImage again = read(archive, store);

        assertThat(again.file("/app/a.txt")).isPresent();
        assertThat(again.readString("/app/a.txt")).contains("a");
        assertThat(Files.size(index)).as("rewritten whole").isEqualTo(bytes.length);
    }

    @Test
    void anotherLibraryVersionsIndexesAreNeitherReadNorDiscarded() throws Exception {
        Path store = dir.resolve("store");
        Path archive = archive("app", new LayerTar().dir("/app").file("/app/a.txt", "a"));
        String hex = storedAppLayer(archive, store);
        // what a version with another index format wrote for the same layer, where that version keeps it
        Path theirs = store.resolve("v1/index/format-2/sha256/" + hex);
        Files.createDirectories(theirs.getParent());
        byte[] theirBytes = "IAIX, format 2: not this version's to read".getBytes(StandardCharsets.UTF_8);
        Files.write(theirs, theirBytes);
        Path ours = store.resolve("v1/index/format-3/sha256/" + hex);
        FileTime written = Files.getLastModifiedTime(ours);

        LoadedImage again = read(archive, store);

        assertThat(again.readString("/app/a.txt")).contains("a");
        assertThat(Files.readAllBytes(theirs)).as("the other version's index is left as it was").isEqualTo(theirBytes);
        assertThat(Files.readAllBytes(ours)).as("this version's index was read, not rewritten").hasSizeGreaterThan(0);
        assertThat(Files.getLastModifiedTime(ours)).isGreaterThanOrEqualTo(written);
        assertThat(stored(store, "blobs")).as("the blobs are shared").contains(hex);
    }

    @Test
    void evictionUnderATinyCapKeepsAnswersRight() throws Exception {
        Path store = dir.resolve("tiny");
        Optional<LayerStore> tiny = LayerStore.open(new StoreSettings(store, 1));
        Path one = archive("one", new LayerTar().dir("/app").file("/app/a.txt", "one"));
        Path two = archive("two", new LayerTar().dir("/app").file("/app/b.txt", "two"));
        for (int round = 0; round < 2; round++) {
            LoadedImage a = LoadedImage.of(ArchiveSource.dockerArchive(one, null), tiny);
            LoadedImage b = LoadedImage.of(ArchiveSource.dockerArchive(two, null), tiny);
            assertThat(a.readString("/app/a.txt")).contains("one");
            assertThat(b.readString("/app/b.txt")).contains("two");
            assertThat(a.readString("/etc/os-release")).contains("ID=test\n");
            assertThat(b.readString("/etc/passwd")).contains("root:x:0:0::/root:/bin/sh\n");
        }
        assertThat(stored(store, "index")).as("only the layer written last stays over the cap").hasSize(1);
    }

    @Test
    void withTheStoreOffNothingIsWrittenAndTheAnswersAreTheSame() {
        Path archive = archive("app", new LayerTar().dir("/app").file("/app/a.txt", "a").hardlink("/app/b.txt", "/app/a.txt"));
        LoadedImage off = LoadedImage.of(ArchiveSource.dockerArchive(archive, null), LayerStore.open(new StoreSettings(null, 0)));
        LoadedImage on = read(archive, dir.resolve("store"));

        assertThat(off.filesystem().entries()).containsExactlyElementsOf(on.filesystem().entries());
        assertThat(off.readString("/app/b.txt")).contains("a").isEqualTo(on.readString("/app/b.txt"));
        assertThat(off.readString("/etc/passwd")).isEqualTo(on.readString("/etc/passwd"));
        assertThat(StoreSettings.fromEnvironment().enabled()).isTrue();
    }

    @Test
    void aFullDiskIsAWarningNotAFailure() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small-disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "mounting a small tmpfs needs root");
        try {
            byte[] big = new byte[1 << 20];
            new Random(7).nextBytes(big);
            Path archive = new ImageArchive().layer(base(), "ADD base /")
                    .layer(new LayerTar().dir("/data").file("/data/big.bin", big, 0644, 0, 0).file("/data/small.txt", "small"), "RUN make data")
                    .writeLegacyDockerSave(dir.resolve("big.tar"), "big:1");

            LoadedImage image = read(archive, mount.resolve("store"));

            assertThat(image.readString("/data/small.txt")).contains("small");
            assertThat(image.readFile("/data/big.bin", Integer.MAX_VALUE)).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
            assertThat(stored(mount.resolve("store"), "index")).as("the base fits, the 1 MiB layer does not")
                    .containsExactly(Digests.hex(image.metadata().diffIds().get(0)));
        } finally {
            // lazily: this JVM keeps its session lock open in the store until it exits
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJvmKilledWhileWritingLeavesNothingThatIsTrusted() throws Exception {
        Path store = dir.resolve("store");
        byte[] big = new byte[96 << 20];
        new Random(11).nextBytes(big);
        Path archive = new ImageArchive().layer(new LayerTar().dir("/data").file("/data/big.bin", big, 0644, 0, 0), "RUN make data")
                .writeLegacyDockerSave(dir.resolve("big.tar"), "big:1");
        big = null;

        Process child = ChildJvm.start(StoreProbe.class, Map.of(StoreSettings.STORE, store.toString()), "archive", archive.toString(), "index");
        Path tmp = store.resolve("v1/tmp");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && partialBlobs(tmp) == 0) {
            Thread.sleep(5);
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(partialBlobs(tmp)).as("killed while writing its blob").isPositive();
        assertThat(stored(store, "index")).as("nothing committed").isEmpty();

        LoadedImage image = read(archive, store);

        assertThat(image.file("/data/big.bin")).hasValueSatisfying(e -> assertThat(e.size()).isEqualTo(96 << 20));
        assertThat(partialBlobs(tmp)).as("the dead JVM's temporary files are gone").isZero();
        assertThat(stored(store, "index")).hasSize(1);
    }

    private static long partialBlobs(Path tmp) throws IOException {
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(f -> f.toString().endsWith(".blob")).count();
        }
    }
}
