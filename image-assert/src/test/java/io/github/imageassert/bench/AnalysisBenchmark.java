package io.github.imageassert.bench;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.analysis.Waste;
import io.github.imageassert.secrets.SecretRules;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What each analysis costs on the indexing benchmark's image (over 1 GB, over 100,000 files), after the index
 * exists: the ones that read file contents export the image once more, the others only walk the index.
 * Not a unit test: run it with {@code scripts/benchmark.sh analysis}; results go to docs/performance.md.
 */
public final class AnalysisBenchmark {

    public static void main(String[] args) {
        IndexingBenchmark.buildImage();
        ContainerImage image = ContainerImage.fromDaemon(IndexingBenchmark.IMAGE);
        time("index (first file question)", () -> image.filesystem().size() + " entries");
        time("Waste.of", () -> image.waste().wastedBytes() + " wasted bytes");
        time("Hygiene: setuid, world-writable, caches", () -> image.hygiene().setuidOrSetgid().size() + " setuid, "
                + image.hygiene().worldWritable().size() + " world-writable, " + image.hygiene().packageCaches().size() + " caches");
        time("Packages.os (dpkg status and its hidden copies)", () -> image.osPackages().size() + " packages");
        time("Packages.npm", () -> image.packages(io.github.imageassert.packages.Ecosystem.NPM).size() + " packages");
        time("Packages.python", () -> image.packages(io.github.imageassert.packages.Ecosystem.PYTHON).size() + " distributions");
        time("Packages.java", () -> image.packages(io.github.imageassert.packages.Ecosystem.JAVA).size() + " archives");
        time("SecretScanner.scan, default rules", () -> image.secrets(SecretRules.defaults()).size() + " findings");
        System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void time(String what, Supplier<String> task) {
        long start = System.nanoTime();
        String result = task.get();
        System.out.printf(Locale.ROOT, "%-50s %8.2f s  %s%n", what, (System.nanoTime() - start) / 1e9, result);
    }
}
