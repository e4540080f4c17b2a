package io.github.imageassert.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.structure.internal.check.PlannedTest;
import io.github.imageassert.structure.internal.check.RunSettings;
import io.github.imageassert.structure.internal.check.Suite;
import io.github.imageassert.structure.internal.check.TestResult;
import io.github.imageassert.structure.internal.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passing configs, as a user runs them: each CST test is one JUnit test of this build, named as in the
 * config. proof-pass.yaml exercises every field of the schema (and every containerRunOptions field but
 * allocateTty and privileged, which have configs of their own). Surefire sets STRUCTURE_TEST_HOST_VAR.
 */
class StructureTestsIT {

    static final Path BIND = Path.of("/tmp/image-assert-cst-bind");

    @BuildImage(dockerfile = "src/test/docker/proof/Dockerfile", target = "proof")
    static ContainerImage image;

    @BeforeAll
    static void hostFolderToMount() throws IOException {
        Files.createDirectories(BIND);
        Files.writeString(BIND.resolve("hello.txt"), "hello from the host\n");
    }

    @TestFactory
    Stream<DynamicTest> everyFieldPasses() {
        return StructureTests.from("src/test/cst/proof-pass.yaml").against(image);
    }

    @TestFactory
    Stream<DynamicTest> aTerminalMergesTheStreams() {
        return StructureTests.from("src/test/cst/proof-tty.yaml").against(image);
    }

    @TestFactory
    Stream<DynamicTest> anEngineImageHasWhatDockerAddsToContainers() {
        return StructureTests.from("src/test/cst/proof-docker-driver.yaml").against(image);
    }

    /** As with CST's tar driver: an archive holds the image alone. */
    @Test
    void anArchiveHasNot(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("proof.tar");
        Process save = new ProcessBuilder("docker", "save", "-o", archive.toString(), image.reference()).inheritIO().start();
        assertThat(save.waitFor()).isZero();
        List<TestResult> results = Suite.plan(ConfigLoader.load(Path.of("src/test/cst/proof-docker-driver.yaml")),
                ContainerImage.fromArchive(archive), RunSettings.defaults()).stream().map(PlannedTest::run).toList();
        assertThat(results).extracting(TestResult::pass).containsExactly(false, false, false, false, false);
        assertThat(results.get(0).errors()).containsExactly(
                "File /.dockerenv should exist but does not: no such file in the image");
    }

    @Test
    void theFactoryNamesEachTestAsTheConfigDoes() {
        List<String> names = StructureTests.from(Path.of("src/test/cst/proof-pass.yaml")).against(image)
                .map(DynamicTest::getDisplayName).toList();
        assertThat(names).hasSize(7 + 12 + 2 + 1 + 1).startsWith("the entrypoint is replaced and the user is root")
                .contains("app folder", "config content").endsWith("Metadata Test", "License Test");
        assertThat(StructureTests.from("src/test/cst/proof-pass.yaml").against(image).findFirst().orElseThrow()
                .getTestSourceUri()).hasValueSatisfying(uri -> assertThat(uri.toString())
                .endsWith("/structure-tests/src/test/cst/proof-pass.yaml?line=19"));
    }

    @Test
    void configsAreAlsoClassPathResources() {
        assertThat(StructureTests.from("cst/resource.yaml").against(image).map(DynamicTest::getDisplayName))
                .containsExactly("passwd exists");
    }

    /**
     * privileged is passed to the engine; an engine that may run privileged containers gives CAP_SYS_ADMIN, one
     * that may not (this project's CI engine runs inside a container) refuses to start it, and says why.
     */
    @Test
    void privilegedReachesTheEngine() {
        PlannedTest test = Suite.plan(ConfigLoader.load(Path.of("src/test/cst/proof-privileged.yaml")), image,
                RunSettings.defaults()).get(0);
        TestResult result = test.run();
        if (!result.pass()) {
            assertThat(String.join("\n", result.errors())).startsWith("Error creating container: ")
                    .containsAnyOf("apply caps", "privileged", "operation not permitted");
        }
    }
}
