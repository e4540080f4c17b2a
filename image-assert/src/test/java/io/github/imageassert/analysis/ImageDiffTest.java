package io.github.imageassert.analysis;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two crafted images, a base and one built on it, compared path by path. */
class ImageDiffTest {

    @TempDir
    Path dir;

    private ImageArchive base() {
        return new ImageArchive().layer(new LayerTar().dir("/etc").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                .file("/etc/motd", "hello").dir("/usr").dir("/usr/bin").file("/usr/bin/tool", "T".repeat(8000)), "ADD rootfs.tar /");
    }

    @Test
    void addedRemovedAndChangedPaths() {
        ContainerImage baseImage = ContainerImage.fromArchive(base().writeLegacyDockerSave(dir.resolve("base.tar"), "base:1"));
        ContainerImage app = ContainerImage.fromArchive(base()
                .layer(new LayerTar().dir("/etc").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\napp:x:10001:10001::/:/sbin/nologin\n")
                        .whiteout("/etc/motd"), "RUN useradd app && rm /etc/motd # buildkit")
                .layer(new LayerTar().dir("/opt").dir("/opt/app").file("/opt/app/server", "S".repeat(2000)), "COPY server /opt/app/ # buildkit")
                .writeLegacyDockerSave(dir.resolve("app.tar"), "app:1"));

        ImageDiff diff = app.diffFrom(baseImage);

        org.assertj.core.api.Assertions.assertThat(diff.added()).extracting(FileEntry::path)
                .containsExactly("/opt", "/opt/app", "/opt/app/server");
        org.assertj.core.api.Assertions.assertThat(diff.removed()).extracting(FileEntry::path).containsExactly("/etc/motd");
        org.assertj.core.api.Assertions.assertThat(diff.changed()).extracting(c -> c.after().path() + ": " + c.what())
                .containsExactly("/etc/passwd: size 26 -> 61");

        assertThat(app).relativeTo(baseImage).addsOnlyFilesUnder("/opt/app", "/etc/passwd");
        assertThatThrownBy(() -> assertThat(app).relativeTo(baseImage).addsOnlyFilesUnder("/opt/app")).hasMessage((
                "%nExpecting image:%n  app:1%nto add or change files only under [/opt/app] relative to image:%n  base:1%n"
                        + "but 1 paths outside differ:%n"
                        + "  ~ /etc/passwd: size 26 -> 61, by layer 1 (RUN useradd app && rm /etc/motd)").formatted());
        assertThatThrownBy(() -> assertThat(app).relativeTo(baseImage).removesNoFiles()).hasMessage((
                "%nExpecting image:%n  app:1%nto keep every path of image:%n  base:1%nbut 1 are gone:%n"
                        + "  - /etc/motd: regular file, 5 B, -rw-r--r-- 0:0, added by layer 0 (ADD rootfs.tar /)").formatted());

        // sizes: base 8031 B, app 8031 + 61 + 2000 = 10092 B
        assertThat(baseImage).hasSizeAtMostPercentOf(app, 80);
        assertThatThrownBy(() -> assertThat(app).hasSizeAtMostPercentOf(baseImage, 120)).hasMessage((
                "%nExpecting image:%n  app:1%nto be at most 120.0 %% of the size of image:%n  base:1%n"
                        + "but it is 125.7 %% (10.09 kB against 8.03 kB)").formatted());
    }
}
