package io.github.imageassert.bench;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.ImageFilesystem;
import io.github.imageassert.internal.source.Engine;
import io.github.imageassert.testing.DockerBuild;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures, in one run, on an image it builds locally (over 1 GB, over 100,000 files):
 * <ol>
 *   <li>{@code docker save IMAGE > /dev/null}, the floor any reader of the engine's export has;</li>
 *   <li>full indexing through {@code ContainerImage.fromDaemon(IMAGE).filesystem()};</li>
 *   <li>config-only questions (user, entrypoint, env, size), and whether they exported anything;</li>
 *   <li>heap retained by the index, per entry.</li>
 * </ol>
 * Runs are interleaved (save, index, save, index...) so that a warm or cold page cache favours neither.
 * Not a unit test: run it with {@code scripts/benchmark.sh}; results go to docs/performance.md.
 */
public final class IndexingBenchmark {

    static final String IMAGE = "image-assert-bench/large:1";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        // the export alone, as before the layer store: StoreBenchmark measures the store
        System.setProperty(io.github.imageassert.internal.store.StoreSettings.STORE, io.github.imageassert.internal.store.StoreSettings.OFF);
        buildImage();
        ContainerImage probe = ContainerImage.fromDaemon(IMAGE);
        System.out.printf(Locale.ROOT, "image %s: %d layers, %.1f MB (engine's count)%n", IMAGE, probe.layers().size(),
                probe.size() / 1e6);

        long exportsBefore = exportCount();
        long t0 = System.nanoTime();
        ContainerImage configOnly = ContainerImage.fromDaemon(IMAGE);
        String user = configOnly.config().user();
        List<String> entrypoint = configOnly.config().entrypoint();
        Map<String, String> env = configOnly.config().envMap();
        long size = configOnly.size();
        double configMs = (System.nanoTime() - t0) / 1e6;
        long exportsDuring = exportCount() - exportsBefore;
        System.out.printf(Locale.ROOT, "config-only: user='%s' entrypoint=%s env=%d vars size=%d B in %.1f ms; exports started: %d%n",
                user, entrypoint, env.size(), size, configMs, exportsDuring);

        List<Double> saves = new ArrayList<>();
        List<Double> indexes = new ArrayList<>();
        int entries = 0;
        long retained = 0;
        for (int round = 0; round < rounds; round++) {
            saves.add(timeDockerSave());
            settle();
            System.gc();
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            ImageFilesystem fs = ContainerImage.fromDaemon(IMAGE).filesystem();
            indexes.add((System.nanoTime() - start) / 1e9);
            entries = fs.size() + fs.removed().size();
            retained = usedHeap() - heapBefore;
            settle();
            System.out.printf(Locale.ROOT, "round %d: docker save %.2f s, index %.2f s (%d live entries, %d removed)%n",
                    round + 1, saves.get(round), indexes.get(round), fs.size(), fs.removed().size());
            if (fs.size() < 0) {
                throw new AssertionError("keeps fs reachable until measured");
            }
        }
        double save = median(saves);
        double index = median(indexes);
        System.out.printf(Locale.ROOT, "%nRESULT docker-save-median-s=%.2f index-median-s=%.2f ratio=%.3f (target <= 1.10)%n",
                save, index, index / save);
        System.out.printf(Locale.ROOT, "RESULT throughput index=%.0f MB/s save=%.0f MB/s%n", probe.size() / 1e6 / index,
                probe.size() / 1e6 / save);
        System.out.printf(Locale.ROOT, "RESULT retained-heap=%d B for %d entries = %.0f B/entry (target <= 300)%n",
                retained, entries, (double) retained / entries);
        System.out.printf(Locale.ROOT, "RESULT config-only-ms=%.1f exports-during-config-only=%d (target 0)%n", configMs, exportsDuring);
    }

    /** 100 directories of 1,000 small files, and 1 GiB of incompressible data over four layers. */
    static void buildImage() {
        if (Engine.client().listImagesCmd().withImageNameFilter(IMAGE).exec().isEmpty()) {
            System.out.println("building " + IMAGE + " (once; the engine keeps it)");
            DockerBuild.build(IMAGE, """
                    FROM debian:bookworm-slim
                    RUN mkdir -p /data/small && cd /data/small && for d in $(seq 1 100); do mkdir d$d; \\
                        for f in $(seq 1 1000); do echo "file $d/$f" > d$d/f$f.txt; done; done
                    RUN head -c 268435456 /dev/urandom > /data/blob1
                    RUN head -c 268435456 /dev/urandom > /data/blob2
                    RUN head -c 268435456 /dev/urandom > /data/blob3
                    RUN head -c 268435456 /dev/urandom > /data/blob4
                    USER 65532
                    ENTRYPOINT ["/bin/true"]
                    """, Map.of());
        }
    }

    /**
     * A pause after each timed export. The engine sends an export's last byte, then deletes its temporary copy of the
     * export (0.1 to 0.55 s for this image, measured here) and only then closes the connection: {@code docker save} waits for that,
     * image-assert does not, having all it needs. Without the pause the next timed export would start while the
     * engine still works for the last one.
     */
    static void settle() throws InterruptedException {
        Thread.sleep(2_000);
    }

    static double timeDockerSave() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("docker", "save", IMAGE).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("docker save failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Exports the engine has served, from its own event stream: proof that config questions export nothing. */
    static long exportCount() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "events", "--since", "1h", "--until", "0s", "--filter", "type=image",
                "--filter", "event=save", "--format", "{{.ID}}").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(1, TimeUnit.MINUTES);
        return out.lines().filter(l -> !l.isBlank()).count();
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
