package io.github.imageassert.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.testing.FaultEngine;
import io.github.imageassert.testing.LingeringEngineProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real engine failing while it exports an image ({@code fromDaemon}): killed mid-stream, stalled mid-stream
 * (SIGSTOP), and slow to close the connection after the export's last byte ({@link LingeringEngineProxy}). The
 * engine is the private one of scripts/fault-engine.sh, never the one the machine shares; the reader runs in a JVM of
 * its own whose DOCKER_HOST names it. A kill or a stall must end in a typed error within the configured timeout and
 * leave only complete, verified layers in the layer store, and a later read with a working engine must be right; a
 * slow close must not matter at all.
 */
class EngineFaultsIT {

    /** Random, so incompressible and new to every store; big enough that the export streams for a while. */
    private static final int PARTS = 4;
    private static final int PART_BYTES = 48 << 20;

    @TempDir
    static Path context;

    static String image;
    /** What each file of the image holds, by path, computed here from the bytes written into the build context. */
    static final Map<String, String> expected = new LinkedHashMap<>();

    @TempDir
    Path work;

    @BeforeAll
    static void anImageOfSeveralLargeLayersInThePrivateEngine() throws IOException {
        FaultEngine.start();
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        StringBuilder dockerfile = new StringBuilder("FROM busybox:stable\n");
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < PARTS; i++) {
            MessageDigest sha = sha256();
            try (OutputStream out = Files.newOutputStream(context.resolve("part" + i))) {
                for (int written = 0; written < PART_BYTES; written += chunk.length) {
                    random.nextBytes(chunk);
                    sha.update(chunk);
                    out.write(chunk);
                }
            }
            expected.put("/data/part" + i, HexFormat.of().formatHex(sha.digest()));
            dockerfile.append("COPY part").append(i).append(" /data/part").append(i).append('\n');
        }
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        image = FaultEngine.build("image-assert-faults/export:" + Long.toHexString(random.nextLong()), context);
    }

    @AfterAll
    static void removeTheImageAndStopTheEngine() {
        try {
            FaultEngine.start(); // resumes or restarts it, whatever a failed test left
            FaultEngine.removeImage(image);
        } finally {
            FaultEngine.stop();
        }
    }

    @BeforeEach
    void anEngineThatAnswers() {
        FaultEngine.start();
    }

    @Test
    void theEngineKilledWhileTheExportStreamsIsATypedErrorAndTheStoreKeepsOnlyWholeLayers() throws Exception {
        Path store = work.resolve("store");

        // WHEN the engine is killed once the export is streaming: a layer stored whole, the next one half-written
        Probe probe = Probe.start(store, 30);
        long killedAt = probe.awaitMidStream();
        FaultEngine.kill();
        Outcome outcome = probe.await(Duration.ofSeconds(90));

        // THEN a typed error naming the image and what happened, at once (the connection closed)
        report("killed", outcome, killedAt);
        assertThat(outcome.failed()).as(outcome.output()).isTrue();
        assertThat(outcome.line("RESULT failed")).contains("typed=true")
                .contains("type=io.github.imageassert.image.EngineFailureException");
        assertThat(outcome.line("RESULT message=")).contains(image).contains("stopped").contains("the connection closed");
        assertThat(outcome.at() - killedAt).as("ms from the kill to the error").isLessThan(30_000);
        // AND the store holds only whole, verified layers, and no temporary file
        assertOnlyWholeLayers(store, 1, PARTS);

        // AND with the engine back, the same store gives the right answer
        FaultEngine.start();
        Outcome again = Probe.start(store, 30).await(Duration.ofMinutes(3));
        assertRight(again);
    }

    @Test
    void anExportThatNeverEndsIsATypedErrorWithinTheTimeout() throws Exception {
        Path store = work.resolve("store");
        int timeoutSeconds = 3;

        // WHEN the engine stops sending mid-export (SIGSTOP: it is still there, the connection stays open)
        Probe probe = Probe.start(store, timeoutSeconds);
        long pausedAt = probe.awaitMidStream();
        Outcome outcome;
        try {
            FaultEngine.pause();
            outcome = probe.await(Duration.ofSeconds(timeoutSeconds + 60));
        } finally {
            FaultEngine.resume();
        }

        // THEN a typed error naming the image, the timeout and its setting, once the timeout has passed
        report("stalled", outcome, pausedAt);
        assertThat(outcome.failed()).as(outcome.output()).isTrue();
        assertThat(outcome.line("RESULT failed")).contains("typed=true")
                .contains("type=io.github.imageassert.image.EngineFailureException");
        assertThat(outcome.line("RESULT message=")).contains(image).contains("sent nothing for " + timeoutSeconds + " s")
                .contains("imageassert.engine.timeout");
        assertThat(outcome.at() - pausedAt).as("ms from the stall to the error")
                .isGreaterThanOrEqualTo(timeoutSeconds * 1000L - 500).isLessThan(timeoutSeconds * 1000L + 15_000);
        // AND nothing half-written is left in the store
        assertOnlyWholeLayers(store, 1, PARTS);

        // AND once the engine goes on, a new read is right
        Outcome again = Probe.start(store, 30).await(Duration.ofMinutes(3));
        assertRight(again);
    }

    @Test
    void anEngineThatKeepsTheConnectionOpenAfterTheExportsLastByteDoesNotHoldTheReaderBack() throws Exception {
        Path store = work.resolve("store");
        int timeoutSeconds = 3;
        Duration linger = Duration.ofSeconds(60);

        // GIVEN an engine that, after the export's last byte, keeps the connection open for a minute (Docker keeps it
        // open while it deletes its temporary copy of the export: 0.1 to 0.55 s for 1.3 GB here)
        try (LingeringEngineProxy proxy = LingeringEngineProxy.start(FaultEngine.stateDir().resolve("docker.sock"),
                work.resolve("lingering.sock"), linger)) {

            // WHEN the image is read through it with a stall timeout of 3 s
            Outcome outcome = Probe.start(store, timeoutSeconds, proxy.dockerHost()).await(linger.minusSeconds(10));

            // THEN every file is read and right, well before the engine closes: the export is whole at its tar's
            // end blocks, so the reader neither waits for the close nor takes the silence before it for a stall
            report("lingering close", outcome, outcome.at());
            assertRight(outcome);
            // AND the reader closed the export's connection itself while the engine still held it open
            assertThat(proxy.exports()).as("exports").isEqualTo(1);
            assertThat(proxy.closedByClientFirst()).as("exports the reader closed before the engine's close reached it")
                    .isEqualTo(1);
        }
        assertOnlyWholeLayers(store, PARTS + 1, PARTS + 1);
    }

    private static void assertRight(Outcome outcome) {
        assertThat(outcome.failed()).as(outcome.output()).isFalse();
        expected.forEach((path, sum) -> assertThat(outcome.line("RESULT sha256 " + path + "=")).endsWith("=" + sum));
    }

    /**
     * Every layer the store holds is whole: its index is there, its blob's sha256 is its name (the diff id); no
     * temporary blob is left. At least {@code min} and fewer than {@code maxExclusive} + 1 layers (the image has
     * {@code PARTS + 1}) are stored, which shows the fault struck mid-export.
     */
    private static void assertOnlyWholeLayers(Path store, int min, int maxExclusive) throws IOException {
        Path v1 = store.resolve("v1");
        try (Stream<Path> temps = Files.walk(v1.resolve("tmp"))) {
            assertThat(temps.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".lock")).toList())
                    .as("temporary files left in the store").isEmpty();
        }
        List<Path> indexes;
        try (Stream<Path> files = Files.list(v1.resolve("index/format-3/sha256"))) {
            indexes = files.toList();
        }
        try (Stream<Path> files = Files.list(v1.resolve("blobs/sha256"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("blobs without an index")
                    .containsExactlyInAnyOrderElementsOf(indexes.stream().map(p -> p.getFileName().toString()).toList());
        }
        for (Path index : indexes) {
            Path blob = v1.resolve("blobs/sha256").resolve(index.getFileName());
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(blob), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(HexFormat.of().formatHex(sha.digest())).as("sha256 of stored blob %s", blob).isEqualTo(index.getFileName().toString());
        }
        assertThat(indexes).as("layers stored (of %d)", PARTS + 1).hasSizeBetween(min, maxExclusive);
    }

    private static void report(String fault, Outcome outcome, long faultAt) {
        System.out.printf("ENGINE FAULT %s: %.1f s from the fault to the outcome, %.1f s in all: %s%n", fault,
                (outcome.at() - faultAt) / 1000.0, outcome.took().toMillis() / 1000.0,
                outcome.output().lines().filter(l -> l.startsWith("RESULT failed") || l.startsWith("RESULT message=")
                        || l.startsWith("RESULT ok")).toList());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Outcome(String output, Duration took) {
        boolean failed() {
            return output.contains("RESULT failed") || !output.contains("RESULT ok");
        }

        String line(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in:\n" + output));
        }

        /** When the child failed or finished, by its clock (this machine's). */
        long at() {
            String line = output.lines().filter(l -> l.startsWith("RESULT failed at=") || l.startsWith("RESULT ok at="))
                    .findFirst().orElseThrow(() -> new AssertionError("the reader did not finish:\n" + output));
            return Long.parseLong(line.replaceAll(".* at=(\\d+).*", "$1"));
        }
    }

    /** {@link EngineFaultProbe} in a JVM of its own, reading {@link #image} from the private engine. */
    record Probe(Process process, Path log, Path store, long started) {

        static Probe start(Path store, int engineTimeoutSeconds) throws IOException {
            return start(store, engineTimeoutSeconds, FaultEngine.dockerHost());
        }

        static Probe start(Path store, int engineTimeoutSeconds, String dockerHost) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dimageassert.store=" + store, "-Dimageassert.engine.timeout=" + engineTimeoutSeconds,
                    "-cp", System.getProperty("java.class.path"), EngineFaultProbe.class.getName(), image));
            command.addAll(expected.keySet());
            Files.createDirectories(store);
            Path log = Files.createTempFile(store.getParent(), "probe", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DOCKER_HOST", dockerHost);
            pb.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
            pb.environment().put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
            return new Probe(pb.start(), log, store, System.nanoTime());
        }

        /**
         * Waits until the export is streaming: a layer is in the store whole and the next one is being written (its
         * temporary blob has passed 4 MiB). Returns the time, to measure from.
         */
        long awaitMidStream() throws IOException, InterruptedException {
            Path v1 = store.resolve("v1");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the reader ended before the fault:\n" + Files.readString(log));
                }
                if (count(v1.resolve("index/format-3/sha256")) >= 1 && largestTemp(v1.resolve("tmp")) >= 4 << 20) {
                    return System.currentTimeMillis();
                }
                Thread.sleep(2);
            }
            process.destroyForcibly();
            throw new AssertionError("the export did not start streaming in 3 minutes:\n" + Files.readString(log));
        }

        Outcome await(Duration bound) throws IOException, InterruptedException {
            boolean ended = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (!ended) {
                throw new AssertionError("HANG: the reader gave no answer within " + bound + " of the fault:\n" + out);
            }
            return new Outcome(out, took);
        }

        private static long count(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return 0;
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.count();
            } catch (java.io.UncheckedIOException e) {
                return 0; // changed while listed: asked again 2 ms later
            }
        }

        private static long largestTemp(Path tmp) throws IOException {
            if (!Files.isDirectory(tmp)) {
                return 0;
            }
            try (Stream<Path> files = Files.walk(tmp)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".blob")).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        return 0; // committed or deleted meanwhile
                    }
                }).max().orElse(0);
            } catch (java.io.UncheckedIOException e) {
                return 0; // as above
            }
        }
    }
}
