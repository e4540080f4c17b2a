package io.github.imageassert.bench;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.ImageFilesystem;
import io.github.imageassert.internal.store.StoreSettings;
import io.github.imageassert.testing.DockerBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * The registry source's figures (docs/performance.md), on the indexing benchmark's image pushed to the registry
 * scripts/registry.sh runs (plain HTTP on loopback):
 * <ol>
 *   <li>config-only questions: the first image of the JVM, then fresh images of the same reference, and the layer
 *       blobs the registry served meanwhile, counted from its access log;</li>
 *   <li>full index into an empty layer store against {@code skopeo copy docker://… oci:…} of the same image (its
 *       natural peer: the same blobs fetched and checked), interleaved, medians, in this JVM's 256 MB heap.</li>
 * </ol>
 * Not a unit test: run it with {@code scripts/benchmark.sh registry}.
 */
public final class RegistryBenchmark {

    static final String REGISTRY = System.getenv().getOrDefault("IMAGE_ASSERT_REGISTRY", "127.0.0.1:5000");
    static final Path ACCESS_LOG = Path.of(System.getenv().getOrDefault("IMAGE_ASSERT_STATE_DIR", "/var/tmp/image-assert"),
            "registry", "registry.log");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        IndexingBenchmark.buildImage();
        String reference = REGISTRY + "/image-assert-bench/large:1";
        System.out.println("pushing " + IndexingBenchmark.IMAGE + " to " + reference + " (not timed)");
        DockerBuild.run(List.of("docker", "tag", IndexingBenchmark.IMAGE, reference));
        DockerBuild.run(List.of("docker", "push", "-q", reference));

        Path base = Files.createTempDirectory("image-assert-registry-bench");
        System.setProperty(StoreSettings.STORE, base.resolve("config-store").toString());
        long logBefore = Files.size(ACCESS_LOG);
        long start = System.nanoTime();
        ContainerImage first = ContainerImage.fromRegistry(reference);
        first.config();
        double firstMs = (System.nanoTime() - start) / 1e6;
        List<Double> later = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            ContainerImage again = ContainerImage.fromRegistry(reference);
            again.config().user();
            again.metadata().compressedSize();
            later.add((System.nanoTime() - t) / 1e6);
        }
        long layerGets = layerGets(logBefore, first);
        System.out.printf(Locale.ROOT, "RESULT config-first-ms=%.0f config-later-median-ms=%.1f config-later-max-ms=%.1f "
                        + "layer-blob-gets=%d (targets: later <= 100 ms, 0 layer GETs); %d layers, %d bytes compressed%n",
                firstMs, IndexingBenchmark.median(later), later.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                layerGets, first.layers().size(), first.metadata().compressedSize().orElse(-1L));

        List<Double> copies = new ArrayList<>();
        List<Double> indexes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Path oci = base.resolve("oci-" + round);
            long t = System.nanoTime();
            DockerBuild.run(List.of("skopeo", "--insecure-policy", "copy", "-q", "--src-tls-verify=false",
                    "docker://" + reference, "oci:" + oci + ":bench"));
            copies.add((System.nanoTime() - t) / 1e9);
            PathUtils.deleteDirectory(oci);

            Path store = base.resolve("store-" + round);
            System.setProperty(StoreSettings.STORE, store.toString());
            t = System.nanoTime();
            ImageFilesystem fs = ContainerImage.fromRegistry(reference).filesystem();
            indexes.add((System.nanoTime() - t) / 1e9);
            System.out.printf(Locale.ROOT, "round %d: skopeo copy %.2f s, full index from the registry %.2f s (%d entries)%n",
                    round + 1, copies.get(round), indexes.get(round), fs.size());
            PathUtils.deleteDirectory(store);
        }
        double copy = IndexingBenchmark.median(copies);
        double index = IndexingBenchmark.median(indexes);
        System.out.printf(Locale.ROOT, "RESULT registry-index-over-skopeo-copy=%.3f (skopeo %.2f s, index %.2f s; "
                + "target <= 1.1; heap %d MB)%n", index / copy, copy, index, Runtime.getRuntime().maxMemory() >> 20);
        PathUtils.deleteDirectory(base);
    }

    /** GETs of this image's layer blobs the registry logged after {@code offset}. */
    private static long layerGets(long offset, ContainerImage image) throws Exception {
        List<String> layers = io.github.imageassert.TestAccess.layerBlobDigests(image);
        String log = Files.readString(ACCESS_LOG).substring((int) Math.min(offset, Files.size(ACCESS_LOG)));
        try (Stream<String> lines = log.lines()) {
            return lines.filter(l -> l.contains("\"GET /v2/image-assert-bench/large/blobs/"))
                    .filter(l -> layers.stream().anyMatch(l::contains)).count();
        }
    }
}
