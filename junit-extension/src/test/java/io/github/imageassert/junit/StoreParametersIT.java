package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.LoadArchiveByPropertyScenario;
import io.github.imageassert.junit.scenarios.RunScenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer store and the limits are configured like the extension: a JUnit configuration parameter names where the
 * store lives, or a limit. Run in a JVM of its own, since this one's store is set by a system property, which wins.
 */
class StoreParametersIT {

    @TempDir
    Path dir;

    private String run(String... config) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"), RunScenario.class.getName(),
                LoadArchiveByPropertyScenario.class.getName(), "scenario.archive=" + TestArchives.busybox()));
        command.addAll(List.of(config));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().remove("IMAGEASSERT_STORE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return out;
    }

    private static long storedLayers(Path store) throws Exception {
        Path index = store.resolve("v1/index/format-3/sha256");
        if (!Files.isDirectory(index)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(index)) {
            return files.count();
        }
    }

    @Test
    void aConfigurationParameterNamesTheStore() throws Exception {
        Path store = dir.resolve("store-from-parameter");

        String out = run("imageassert.store=" + store);

        assertThat(out).contains("RESULT failed=0");
        assertThat(storedLayers(store)).as(out).isPositive();
        assertThat(storedLayers(defaultStore())).isZero();
    }

    @Test
    void withoutOneTheStoreIsInTheUsersCache() throws Exception {
        String out = run();

        assertThat(out).contains("RESULT failed=0");
        assertThat(storedLayers(defaultStore())).as(out).isPositive();
    }

    private Path defaultStore() {
        return dir.resolve("home/.cache/image-assert");
    }

    @Test
    void offIsHonouredAsAParameterToo() throws Exception {
        String out = run("imageassert.store=off");

        assertThat(out).contains("RESULT failed=0");
        assertThat(storedLayers(defaultStore())).as("nothing in the default place either").isZero();
    }

    @Test
    void aLimitGivenAsAConfigurationParameterApplies() throws Exception {
        // busybox's layer has some 400 entries: a limit of 10 refuses it, naming the setting
        String out = run("imageassert.store=off", "imageassert.limits.layerEntries=10");

        assertThat(out).contains("RESULT failed=1")
                .contains("io.github.imageassert.image.LimitExceededException")
                .contains("That is beyond the limit on entries of one layer, 10 (imageassert.limits.layerEntries)");
    }
}
