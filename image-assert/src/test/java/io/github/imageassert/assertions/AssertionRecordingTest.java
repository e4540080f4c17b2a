package io.github.imageassert.assertions;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.ImageSoftAssertions;
import io.github.imageassert.internal.report.AssertionLog;
import io.github.imageassert.internal.report.AssertionRecord;
import io.github.imageassert.internal.report.ImageLog;
import io.github.imageassert.internal.report.RunCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every assertion on an image reaches the run's collector through one hook: name, arguments, outcome, message, layer. */
class AssertionRecordingTest {

    @TempDir
    static Path dir;

    static ContainerImage base;
    static ContainerImage app;

    @BeforeAll
    static void images() {
        base = CraftedImages.base(dir);
        app = CraftedImages.app(dir);
    }

    @Test
    void passesAndFailuresAreRecordedPerImageWithTheirMessagesAndTheLayerAtFault() {
        try (RunCollector run = AssertionLog.open()) {
            AssertionLog.currentTest("AssertionRecordingTest.example");
            assertThat(app).hasUser("1000").hasSizeLessThan("1 MB").file("/app/server").isExecutable();
            catchThrowable(() -> assertThat(app).as("app").hasNoFileMatching("/app/**"));
            assertThat(base).hasFile("/etc/passwd");
            AssertionLog.currentTest(null);

            List<ImageLog> images = run.images();
            org.assertj.core.api.Assertions.assertThat(images).extracting(i -> i.image().reference())
                    .containsExactly("app:1", "base:1");
            List<AssertionRecord> records = images.get(0).records();
            org.assertj.core.api.Assertions.assertThat(records)
                    .extracting(AssertionRecord::display, AssertionRecord::passed, AssertionRecord::test)
                    .containsExactly(
                            tuple("hasUser(1000)", true, "AssertionRecordingTest.example"),
                            tuple("hasSizeLessThan(1 MB)", true, "AssertionRecordingTest.example"),
                            tuple("file(/app/server)", true, "AssertionRecordingTest.example"),
                            tuple("file(/app/server).isExecutable()", true, "AssertionRecordingTest.example"),
                            tuple("hasNoFileMatching(/app/**)", false, "AssertionRecordingTest.example"));
            org.assertj.core.api.Assertions.assertThat(records.get(1).budget()).isEqualTo(1_000_000);
            AssertionRecord failed = records.get(4);
            org.assertj.core.api.Assertions.assertThat(failed.message()).contains("to have no file matching").contains("/app/server");
            org.assertj.core.api.Assertions.assertThat(failed.as()).isEqualTo("app");
            org.assertj.core.api.Assertions.assertThat(failed.layerAtFault()).isEqualTo(1);
        }
    }

    @Test
    void softAssertionsAreRecordedToo_andAFailureInsideHasFileSatisfyingFailsIt() {
        try (RunCollector run = AssertionLog.open()) {
            ImageSoftAssertions softly = new ImageSoftAssertions();
            softly.assertThat(app).hasFileSatisfying("/app/server", f -> f.hasOwner(5, 5));
            softly.assertThat(app).layer(1).hasInstructionContaining("COPY");
            softly.assertThat(app).osPackages().contains("curl");
            softly.assertThat(app).relativeTo(base).addsOnlyFilesUnder("/app");
            org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(2);

            org.assertj.core.api.Assertions.assertThat(run.images().get(0).records())
                    .extracting(AssertionRecord::display, AssertionRecord::passed).containsExactly(
                            tuple("hasFileSatisfying(/app/server)", false),
                            tuple("layer(1)", true),
                            tuple("layer(1).hasInstructionContaining(COPY)", true),
                            tuple("osPackages().contains(curl)", false),
                            tuple("relativeTo(base:1).addsOnlyFilesUnder(/app)", true));
        }
    }

    @Test
    void nothingIsRecordedWhileNoRunCollects() {
        assertThat(app).hasUser("1000");
        try (RunCollector run = AssertionLog.open()) {
            org.assertj.core.api.Assertions.assertThat(run.isEmpty()).isTrue();
        }
    }

    @Test
    void anImageThatKnowsItsDockerfileNamesTheLineOfTheInstructionInItsMessages() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch AS app\nADD rootfs.tar /\n\nCOPY . /app\n");

        Throwable failure = catchThrowable(() -> assertThat(app.builtFrom(dockerfile, "app")).hasNoFileMatching("/app/server"));

        org.assertj.core.api.Assertions.assertThat(failure).hasMessageContaining(
                "added by layer 1 (COPY . /app) at " + dockerfile.toAbsolutePath().normalize() + ":4");
    }
}
