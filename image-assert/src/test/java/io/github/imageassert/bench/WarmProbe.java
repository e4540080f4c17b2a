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

        boolean cold = dropCaches();
        long t3 = System.nanoTime();
        int findings = img.secrets(SecretRules.defaults()).size();
        double scan = ms(t3);
        print("secret-scan-ms", scan, findings + " findings, default rules, every copy of every file"
                + (cold ? " (page cache dropped first)" : " (page cache as it was: not root)"));

        dropCaches();
        long t4 = System.nanoTime();
        long bytes = 0;
        byte[] buffer = new byte[1 << 20];
        try (Stream<Path> blobs = Files.list(store.resolve("v1/blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                try (InputStream in = Files.newInputStream(blob)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        bytes += n;
                    }
                }
            }
        }
        double read = ms(t4);
        print("read-stored-layers-ms", read, bytes + " bytes");
        print("secret-scan-over-read", scan / read, "target <= 1.2");
        print("heap-max-mb", Runtime.getRuntime().maxMemory() >> 20, "");
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
