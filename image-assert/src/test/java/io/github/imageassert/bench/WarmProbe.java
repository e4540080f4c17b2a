package io.github.imageassert.bench;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.secrets.SecretRules;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The "next test run" of {@link StoreBenchmark}: a fresh JVM reading the benchmark image through a store an
 * earlier JVM filled. Prints {@code RESULT} lines: index ready, small-file contents, file checks, the secret
 * scan, and the time to read the stored layers' bytes from disk, all in this one JVM.
 */
public final class WarmProbe {

    private WarmProbe() {
    }

    public static void main(String[] args) throws Exception {
        String image = args[0];
        Path store = Path.of(args[1]);
        // A JVM's first image pays for finding the engine and loading the library's classes: measured on its own,
        // with a small image (busybox, one layer) that the store also holds
        long tw = System.nanoTime();
        ContainerImage.fromDaemon("busybox:stable").filesystem();
        print("first-image-of-the-jvm-ms", ms(tw), "busybox:stable from the store: finding the engine, loading classes");
        long t0 = System.nanoTime();
        ContainerImage img = ContainerImage.fromDaemon(image);
        img.metadata();
        double manifest = ms(t0);
        int entries = img.filesystem().size();
        print("index-ready-ms", ms(t0), entries + " live entries: inspect and history, the stored indexes loaded and merged");
        print("index-load-and-merge-ms", ms(t0) - manifest, "");

        List<Double> small = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            long t = System.nanoTime();
            String text = img.readString("/data/small/d" + i + "/f" + (i * 7) + ".txt").orElseThrow();
            small.add(ms(t));
            if (!text.equals("file " + i + "/" + (i * 7) + "\n")) {
                throw new AssertionError("wrong content: " + text);
            }
        }
        print("small-file-content-median-ms", median(small), "21 distinct files, one at a time");

        long t1 = System.nanoTime();
        for (int i = 1; i <= 100; i++) {
            img.readString("/data/small/d" + (i % 100 + 1) + "/f" + (500 + i) + ".txt").orElseThrow();
        }
        print("hundred-files-ms", ms(t1), "100 distinct files, one call each");

        long t2 = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertThat(img).hasFile("/data/small/d" + (i % 100 + 1) + "/f" + (i + 1) + ".txt");
        }
        print("thousand-checks-ms", ms(t2), "1000 hasFile assertions");

        // The scan against a plain read of the same stored bytes, each from a cold page cache where this JVM may drop
        // it, alternating three times: the JVM's first scan also pays for compiling the scan's code, so it is given
        // apart from the median. Each scan asks a new image (a scan's findings are remembered per image).
        List<Double> scans = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        boolean cold = false;
        int findings = 0;
        for (int round = 0; round < 3; round++) {
            ContainerImage fresh = round == 0 ? img : ContainerImage.fromDaemon(image);
            fresh.filesystem();
            cold = dropCaches();
            long t3 = System.nanoTime();
            findings = fresh.secrets(SecretRules.defaults()).size();
            scans.add(ms(t3));
            dropCaches();
            reads.add(readStoredLayers(store));
        }
        String how = cold ? " (page cache dropped first)" : " (page cache as it was: not root)";
        print("secret-scan-ms", scans.get(0), findings + " findings, default rules, every copy of every file; the JVM's first" + how);
        print("secret-scan-median-ms", median(scans), "3 scans " + scans + how);
        print("read-stored-layers-ms", median(reads), "median of 3 reads " + reads + how);
        print("secret-scan-over-read", median(scans) / median(reads), "medians; target <= 1.2");
        print("first-secret-scan-over-read", scans.get(0) / median(reads), "the JVM's first scan");
        print("heap-max-mb", Runtime.getRuntime().maxMemory() >> 20, "");
    }

    /** Every stored blob's bytes, read in 1 MiB steps: what the disk gives without the scan. */
    private static double readStoredLayers(Path store) throws Exception {
        long t4 = System.nanoTime();
        byte[] buffer = new byte[1 << 20];
        try (Stream<Path> blobs = Files.list(store.resolve("v1/blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                try (InputStream in = Files.newInputStream(blob)) {
                    while (in.read(buffer) > 0) {
                        // only the time counts
                    }
                }
            }
        }
        return ms(t4);
    }

    /** Empties the page cache (root only), so that "from disk" means from the disk. */
    private static boolean dropCaches() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "sync && echo 3 > /proc/sys/vm/drop_caches").redirectErrorStream(true).start();
        return p.waitFor() == 0;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    static void print(String key, double value, String note) {
        System.out.printf(Locale.ROOT, "RESULT %s=%.2f %s%n", key, value, note);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
