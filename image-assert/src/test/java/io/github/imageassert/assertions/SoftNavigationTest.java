package io.github.imageassert.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.ImageSoftAssertions;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Soft assertions collect the failures of the asserts a navigation leads to, as they collect their own. */
class SoftNavigationTest {

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
    void failuresOfNavigatedAssertsAreReportedTogetherAtTheEnd() {
        AtomicBoolean reachedTheEnd = new AtomicBoolean();

        AssertJMultipleFailuresError error = catchThrowableOfType(AssertJMultipleFailuresError.class,
                () -> ImageSoftAssertions.assertSoftly(softly -> {
                    softly.assertThat(app).file("/app/server").isDirectory().hasOwner(1000, 1000);
                    softly.assertThat(app).layer(1).hasInstructionContaining("RUN");
                    softly.assertThat(app).osPackages().contains("curl");
                    softly.assertThat(app).osPackages().packages().hasSize(3);
                    softly.assertThat(app).relativeTo(base).addsOnlyFilesUnder("/srv");
                    reachedTheEnd.set(true);
                }));

        assertThat(reachedTheEnd).isTrue();
        assertThat(error.getFailures()).extracting(Throwable::getMessage).satisfiesExactly(
                m -> assertThat(m).contains("to be a directory"),
                m -> assertThat(m).contains("to be owned by 1000:1000"),
                m -> assertThat(m).contains("an instruction containing \"RUN\""),
                m -> assertThat(m).contains("to contain OS package:%n  curl".formatted()),
                m -> assertThat(m).contains("Expected size: 3 but was: 1"),
                m -> assertThat(m).contains("to add or change files only under [/srv]"));
    }

    @Test
    void aMissingFileFailsTheNavigationAndEachAssertionOnIt() {
        ImageSoftAssertions softly = new ImageSoftAssertions();

        softly.assertThat(app).file("/app/missing").isExecutable().hasOwner(0, 0);
        softly.assertThat(app).hasFile("/etc/passwd");

        assertThat(softly.errorsCollected()).hasSize(3).extracting(Throwable::getMessage)
                .allSatisfy(m -> assertThat(m).contains("to have file:%n  \"/app/missing\"%nbut it does not exist".formatted()));
    }

    @Test
    void aLayerTheImageLacksFailsTheNavigationAndEachAssertionOnIt() {
        ImageSoftAssertions softly = new ImageSoftAssertions();

        softly.assertThat(app).layer(5).hasSizeAtMost("1 GB");

        assertThat(softly.errorsCollected()).hasSize(2).extracting(Throwable::getMessage)
                .allSatisfy(m -> assertThat(m).contains("to have at least 6 layers%nbut it has 2:".formatted()));
    }

    @Test
    void aNavigatedAssertKeepsTheDescription() {
        ImageSoftAssertions softly = new ImageSoftAssertions();

        softly.assertThat(app).as("runtime").file("/app/server").isDirectory();

        assertThat(softly.errorsCollected()).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("[runtime] ");
    }

    @Test
    void aNullImageFailsEachNavigatedAssertionInsteadOfThrowingANullPointerException() {
        ImageSoftAssertions softly = new ImageSoftAssertions();

        softly.assertThat((ContainerImage) null).osPackages().contains("curl");

        assertThat(softly.errorsCollected()).hasSize(2).extracting(Throwable::getMessage)
                .allSatisfy(m -> assertThat(m).contains("Expecting actual not to be null"));
    }
}
