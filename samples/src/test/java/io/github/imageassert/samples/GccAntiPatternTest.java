package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/**
 * gcc-anti-pattern: installing gcc in one RUN and purging it in a later one removes it from the filesystem
 * but not from the image; the fixed Dockerfile does both in one RUN (or uses a build stage).
 */
class GccAntiPatternTest {

    @BuildImage(dockerfile = "gcc-anti-pattern/Dockerfile", target = "bloated")
    static ContainerImage bloated;

    @BuildImage(dockerfile = "gcc-anti-pattern/Dockerfile", target = "fixed")
    static ContainerImage fixed;

    @BuildImage(dockerfile = "gcc-anti-pattern/Dockerfile", target = "multistage")
    static ContainerImage multistage;

    @Test
    void gccIsGoneFromTheFilesystemOfEveryTarget() {
        for (ContainerImage image : new ContainerImage[] {bloated, fixed, multistage}) {
            assertThat(image).doesNotContainExecutables("gcc", "cc").doesNotHaveFile("/usr/bin/x86_64-linux-gnu-gcc-12")
                    .hasExecutable("/usr/local/bin/hello");
        }
    }

    @Test
    void butTheBloatedImageStillShipsItsBytes() {
        long hidden = bloated.filesystem().removed().stream().filter(r -> r.entry().isRegularFile())
                .mapToLong(r -> r.entry().size()).sum();
        assertThat(hidden).as("bytes a later layer hid but the image still ships").isGreaterThan(300_000_000L);
        assertThat(bloated.filesystem().removed()).anySatisfy(r -> {
            assertThat(r.entry().path()).isEqualTo("/usr/bin/x86_64-linux-gnu-gcc-12");
            assertThat(r.how()).isEqualTo(RemovedEntry.How.WHITEOUT);
            assertThat(bloated.layers().get(r.removedBy()).instruction()).contains("purge");
        });
        assertThat(bloated.size()).isGreaterThan(4 * multistage.size());
        // purged: dpkg no longer lists it, though every byte of it ships
        assertThat(bloated).osPackages().contains("libc6").doesNotContain("gcc", "gcc-12", "cpp-12", "libc6-dev");
        assertThatFailsOverBudget();
    }

    private static void assertThatFailsOverBudget() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(bloated).hasSizeLessThan("200 MB"))
                .hasMessageContaining("Largest layers:")
                .hasMessageContaining("apt-get install");
        // the waste is reported with the file, the layer that added it and the one that hid it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(bloated).hasWastedBytesAtMost("1 MB"))
                .hasMessageContaining("on files that later layers overwrite or delete")
                .hasMessageContaining("Largest hidden copies:")
                .hasMessageContaining("/usr/lib/gcc/x86_64-linux-gnu/12/cc1, added by layer 1 (RUN /bin/sh -c apt-get update && apt-get install")
                .hasMessageContaining("hidden by layer 4 (RUN /bin/sh -c apt-get purge -y gcc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(bloated).hasEfficiencyAtLeast(0.95))
                .hasMessageContaining("but it has an efficiency of 21.");
    }

    @Test
    void theFixedDockerfilesPassTheBudget() {
        // measured: fixed 117,713,775 B (3 layers), multistage 116,682,667 B (2 layers), bloated 541.7 MB
        assertThat(fixed).hasSizeLessThan("120 MB").hasAtMostLayers(3).hasWastedBytesAtMost("1 MB")
                .hasEfficiencyAtLeast(0.99).doesNotContainBuildTools();
        assertThat(multistage).hasSizeLessThan("120 MB").hasAtMostLayers(2).hasWastedBytesAtMost("0 B")
                .hasUserWastedShareAtMost(0.0);
        // dive's user-share rule is harsh on a small layer: the fixed RUN adds 1.05 MB net but rewrites 968 kB of
        // the base's bookkeeping (debconf templates, dpkg status, logs), a share of 92.5 % (measured)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(fixed).hasUserWastedShareAtMost(0.5))
                .hasMessageContaining("/var/cache/debconf/templates.dat, added by layer 0");
        assertThat(fixed.filesystem().removed()).noneMatch(r -> r.entry().path().contains("gcc"));
    }
}
