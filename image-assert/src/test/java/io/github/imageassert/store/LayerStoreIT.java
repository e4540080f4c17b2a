package io.github.imageassert.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.store.LayerStore;
import io.github.imageassert.internal.store.StoreSettings;
import io.github.imageassert.testing.ChildJvm;
import io.github.imageassert.testing.DockerBuild;
import io.github.imageassert.testing.EngineEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer store with a real engine and several JVMs, as test runs use it: what one JVM exported, the next
 * reads without asking the engine (counted from the engine's own events), and JVMs racing on one image export
 * it once and end with one stored copy of each layer.
 */
class LayerStoreIT {

    static final String IMAGE = "image-assert-test/store:1";

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        DockerBuild.build(IMAGE, """
                FROM busybox:stable
                RUN mkdir -p /app && echo 'greeting: hello' > /app/config.yml && seq 1 2000 > /app/numbers.txt
                RUN echo second > /app/second.txt
                """, Map.of());
    }

    @Test
    void aSecondJvmAnswersFromTheStoreWithoutAnExport() throws Exception {
        Map<String, String> store = Map.of(StoreSettings.STORE, dir.resolve("store").toString());
        String before = EngineEvents.now();
        ChildJvm.Result first = ChildJvm.run(StoreProbe.class, store, "engine", IMAGE, "index");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(EngineEvents.exportsSince(before, IMAGE)).as("the first JVM exports once").isEqualTo(1);

        String between = EngineEvents.now();
        ChildJvm.Result second = ChildJvm.run(StoreProbe.class, store, "engine", IMAGE, "read", "/app/config.yml");

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.line("RESULT content=")).isEqualTo("RESULT content=greeting: hello");
        assertThat(EngineEvents.exportsSince(between, IMAGE)).as("the second JVM exports nothing").isZero();
    }

    @Test
    void fourJvmsIndexingOneImageAtOnceExportItOnceAndStoreEachLayerOnce() throws Exception {
        Path root = dir.resolve("store");
        String before = EngineEvents.now();
        List<Process> jvms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jvms.add(ChildJvm.start(StoreProbe.class, Map.of(StoreSettings.STORE, root.toString()), "engine", IMAGE, "index"));
        }
        List<String> entries = new ArrayList<>();
        for (Process p : jvms) {
            ChildJvm.Result r = ChildJvm.await(p);
            assertThat(r.exitCode()).as(r.output()).isZero();
            entries.add(r.line("RESULT entries="));
        }

        assertThat(entries).as("every JVM sees the same image").containsOnly(entries.get(0));
        assertThat(EngineEvents.exportsSince(before, IMAGE)).as("the others waited and read the store").isEqualTo(1);
        LayerStore store = LayerStore.open(new StoreSettings(root, StoreSettings.DEFAULT_MAX_BYTES)).orElseThrow();
        List<String> diffIds = io.github.imageassert.ContainerImage.fromDaemon(IMAGE).metadata().diffIds();
        try (Stream<Path> blobs = Files.list(root.resolve("v1/blobs/sha256"))) {
            assertThat(blobs.map(p -> "sha256:" + p.getFileName())).containsExactlyInAnyOrderElementsOf(diffIds);
        }
        for (String diffId : diffIds) {
            assertThat(store.find(diffId, 0)).as("a complete, trusted entry for " + diffId).isPresent();
            assertThat(Digests.sha256(Files.readAllBytes(root.resolve("v1/blobs/sha256/" + Digests.hex(diffId))))).isEqualTo(diffId);
        }
        try (Stream<Path> tmp = Files.walk(root.resolve("v1/tmp"))) {
            assertThat(tmp.filter(p -> p.toString().endsWith(".blob"))).as("no blob left half-written").isEmpty();
        }
    }
}
