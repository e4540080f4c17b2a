package io.github.imageassert.assertions;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An assert reached through a navigation keeps what was set on the one it starts from: the description, the
 * representation and an overriding error message reach its failures.
 */
class NavigationKeepsAssertionStateTest {

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
    void aFileKeepsTheDescription() {
        assertThatThrownBy(() -> assertThat(app).as("runtime").file("/app/server").isDirectory())
                .hasMessageStartingWith("[runtime] ")
                .hasMessageContaining("to be a directory");
    }

    @Test
    void aLayerKeepsTheDescription() {
        assertThatThrownBy(() -> assertThat(app).as("runtime").layer(1).hasInstructionContaining("RUN"))
                .hasMessageStartingWith("[runtime] ")
                .hasMessageContaining("to have layer 1 (COPY . /app) an instruction containing \"RUN\"");
    }

    @Test
    void packagesKeepTheDescription() {
        assertThatThrownBy(() -> assertThat(app).as("runtime").osPackages().contains("curl"))
                .hasMessageStartingWith("[runtime] ")
                .hasMessageContaining("to contain OS package:%n  curl".formatted());
    }

    @Test
    void theListOfPackagesKeepsTheDescription() {
        assertThatThrownBy(() -> assertThat(app).as("runtime").osPackages().packages().hasSize(3))
                .hasMessageStartingWith("[runtime] ")
                .hasMessageContaining("Expected size: 3 but was: 1");
    }

    @Test
    void aComparisonKeepsTheDescription() {
        assertThatThrownBy(() -> assertThat(app).as("runtime").relativeTo(base).addsOnlyFilesUnder("/srv"))
                .hasMessageStartingWith("[runtime] ")
                .hasMessageContaining("to add or change files only under [/srv] relative to image:%n  base:1".formatted());
    }

    @Test
    void aBudgetOnEveryLayerKeepsTheDescription() {
        assertThatThrownBy(() -> assertThat(app).as("runtime").hasEveryLayerAtMost("1 B"))
                .hasMessageStartingWith("[runtime] ")
                .hasMessageContaining("to have layer 0 (ADD rootfs.tar /) a size of at most 1 B");
    }

    @Test
    void aFileKeepsTheRepresentation() {
        assertThatThrownBy(() -> assertThat(app).withRepresentation(value -> "<" + value + ">").file("/app/server").isDirectory())
                .hasMessageContaining("Expecting file:%n  </app/server>%nof image:".formatted());
    }

    @Test
    void aFileKeepsTheOverridingErrorMessage() {
        assertThatThrownBy(() -> assertThat(app).withFailMessage("the server must be a directory").file("/app/server").isDirectory())
                .hasMessage("the server must be a directory");
    }
}
