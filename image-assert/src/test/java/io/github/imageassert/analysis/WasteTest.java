package io.github.imageassert.analysis;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waste on an image whose answer is known byte for byte. */
class WasteTest {

    @TempDir
    Path dir;

    @Test
    void countsEveryHiddenCopyButNeverTheKeptOne() {
        // layer 0: a 1000-byte tool and a 300-byte config; layer 1: the config rewritten (400 bytes);
        // layer 2: the tool deleted, the config rewritten again (500 bytes).
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/opt").file("/opt/tool", "t".repeat(1000)).file("/opt/app.conf", "a".repeat(300)), "ADD tool")
                .layer(new LayerTar().dir("/opt").file("/opt/app.conf", "b".repeat(400)), "RUN configure")
                .layer(new LayerTar().dir("/opt").whiteout("/opt/tool").file("/opt/app.conf", "c".repeat(500)), "RUN cleanup")
                .writeLegacyDockerSave(dir.resolve("waste.tar"), "waste:1"));

        Waste waste = image.waste();

        // hidden: tool 1000 + conf 300 + conf 400; the kept conf (500) is not waste.
        // dive #684 would also count the kept 500 bytes: 2200 instead of 1700.
        org.assertj.core.api.Assertions.assertThat(waste.wastedBytes()).isEqualTo(1700);
        org.assertj.core.api.Assertions.assertThat(waste.byPath()).containsExactly(
                org.assertj.core.api.Assertions.entry("/opt/tool", 1000L), org.assertj.core.api.Assertions.entry("/opt/app.conf", 700L));
        org.assertj.core.api.Assertions.assertThat(image.size()).isEqualTo(2200);
        org.assertj.core.api.Assertions.assertThat(waste.efficiency()).isCloseTo(1 - 1700.0 / 2200, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(image).hasWastedBytesAtMost("1700 B");
        assertThatThrownBy(() -> assertThat(image).hasWastedBytesAtMost("1 kB")).hasMessage((
                "%nExpecting image:%n  waste:1%nto waste at most 1 kB on files that later layers overwrite or delete%n"
                        + "but it wastes 1.7 kB (1700 bytes) (efficiency 22.7 %%). Largest hidden copies:%n"
                        + "    1 kB  /opt/tool, added by layer 0 (ADD tool), hidden by layer 2 (RUN cleanup)%n"
                        + "    0.4 kB  /opt/app.conf, added by layer 1 (RUN configure), hidden by layer 2 (RUN cleanup)%n"
                        + "    0.3 kB  /opt/app.conf, added by layer 0 (ADD tool), hidden by layer 1 (RUN configure)").formatted());
    }

    @Test
    void divesRatioRulesUseTheSameCount() {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/opt").file("/opt/base.bin", "b".repeat(6000)), "ADD rootfs.tar /")
                .layer(new LayerTar().dir("/opt").file("/opt/gcc", "g".repeat(3000)), "RUN apt-get install -y gcc")
                .layer(new LayerTar().dir("/opt").whiteout("/opt/gcc").file("/opt/app", "a".repeat(1000)), "RUN apt-get remove -y gcc")
                .writeLegacyDockerSave(dir.resolve("ratios.tar"), "ratios:1"));

        Waste waste = image.waste();

        // 3000 of 10000 bytes hidden: efficiency 0.7; the user's layers add 4000 bytes, 3000 of them wasted: 0.75.
        org.assertj.core.api.Assertions.assertThat(waste.efficiency()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
        org.assertj.core.api.Assertions.assertThat(waste.userWastedShare()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(image).hasEfficiencyAtLeast(0.7).hasUserWastedShareAtMost(0.75);
        assertThatThrownBy(() -> assertThat(image).hasEfficiencyAtLeast(0.71)).hasMessage((
                "%nExpecting image:%n  ratios:1%nto have an efficiency of at least 71.0 %% (dive's lowestEfficiency)%n"
                        + "but it has an efficiency of 70.0 %%: it wastes 3 kB (3000 bytes) on files that later layers overwrite "
                        + "or delete. Largest hidden copies:%n"
                        + "    3 kB  /opt/gcc, added by layer 1 (RUN apt-get install -y gcc), hidden by layer 2 (RUN apt-get remove -y gcc)")
                .formatted());
        assertThatThrownBy(() -> assertThat(image).hasUserWastedShareAtMost(0.5)).hasMessageContaining(
                "to have wasted bytes of at most 50.0 %% of what the layers above the base add (dive's highestUserWastedPercent)%n"
                        .formatted() + "but it has 75.0 % of 4 kB");
        assertThatThrownBy(() -> assertThat(image).hasEfficiencyAtLeast(95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.95 for 95 %");
    }

    @Test
    void anImageWhoseFilesAreWrittenOnceHasNoWaste() {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().file("/a", "aaaa"), "ADD a").layer(new LayerTar().file("/b", "bb"), "ADD b")
                .writeLegacyDockerSave(dir.resolve("clean.tar"), "clean:1"));

        org.assertj.core.api.Assertions.assertThat(image.waste().wastedBytes()).isZero();
        org.assertj.core.api.Assertions.assertThat(image.waste().efficiency()).isEqualTo(1.0);
        assertThat(image).hasWastedBytesAtMost("0 B");
    }
}
