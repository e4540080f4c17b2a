package io.github.imageassert.analysis;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hygiene findings on a crafted image with one of each problem and one look-alike that is fine. */
class HygieneTest {

    @TempDir
    static Path dir;
    static ContainerImage image;

    @BeforeAll
    static void craft() {
        image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/usr").dir("/usr/bin").file("/usr/bin/passwd", "ELF".getBytes(), 04755, 0, 0)
                        .file("/usr/bin/wall", "ELF".getBytes(), 02755, 0, 5).file("/usr/bin/sh", "ELF".getBytes(), 0755, 0, 0)
                        .symlink("/usr/bin/bash", "sh")
                        .dir("/tmp", 01777, 0, 0).file("/tmp/scratch", "x".getBytes(), 0666, 0, 0)
                        .dir("/var/lib/apt/lists").file("/var/lib/apt/lists/lock", "").dir("/var/lib/apt/lists/partial")
                        .file("/var/lib/apt/lists/deb_dists_bookworm_main_binary-amd64_Packages", "P".repeat(5000)), "ADD rootfs.tar /")
                .layer(new LayerTar().dir("/app").file("/app/data.db", "d".getBytes(), 0666, 1000, 1000)
                        .dir("/root/.npm/_cacache/content-v2").file("/root/.npm/_cacache/content-v2/ab", "c".repeat(700)),
                        "RUN npm ci # buildkit")
                .config(c -> c.putArray("Env").add("PATH=/usr/bin"))
                .writeLegacyDockerSave(dir.resolve("hygiene.tar"), "hygiene:1"));
    }

    @Test
    void setuidAndSetgidFilesWithAnAllowList() {
        org.assertj.core.api.Assertions.assertThat(image.hygiene().setuidOrSetgid()).extracting(FileEntry::path)
                .containsExactly("/usr/bin/passwd", "/usr/bin/wall");
        assertThat(image).hasNoSetuidOrSetgidFiles("/usr/bin/passwd", "/usr/bin/wall");
        assertThatThrownBy(() -> assertThat(image).hasNoSetuidOrSetgidFiles("/usr/bin/passwd")).hasMessage((
                "%nExpecting image:%n  hygiene:1%nto have no setuid or setgid file other than [/usr/bin/passwd]%nbut found 1:%n"
                        + "  /usr/bin/wall: regular file, 3 B, -rwxr-sr-x 0:5, added by layer 0 (ADD rootfs.tar /)").formatted());
    }

    @Test
    void worldWritableOutsideStickyDirectories() {
        org.assertj.core.api.Assertions.assertThat(image.hygiene().worldWritable()).extracting(FileEntry::path)
                .containsExactly("/app/data.db");
        assertThatThrownBy(() -> assertThat(image).hasNoWorldWritableFiles()).hasMessage((
                "%nExpecting image:%n  hygiene:1%nto have no world-writable file outside sticky directories%nbut found 1:%n"
                        + "  /app/data.db: regular file, 1 B, -rw-rw-rw- 1000:1000, added by layer 1 (RUN npm ci)").formatted());
    }

    @Test
    void packageManagerCachesButNotTheirLockFiles() {
        org.assertj.core.api.Assertions.assertThat(image.hygiene().packageCaches())
                .containsExactly(new PackageCache("apt package lists", "/var/lib/apt/lists", 1, 5000, java.util.List.of(0)),
                        new PackageCache("npm cache", "/root/.npm/_cacache", 1, 700, java.util.List.of(1)));
        assertThatThrownBy(() -> assertThat(image).hasNoPackageManagerCaches()).hasMessage((
                "%nExpecting image:%n  hygiene:1%nto have no package-manager cache%nbut found 2 (5.7 kB in all):%n"
                        + "  /var/lib/apt/lists: apt package lists, 1 file, 5 kB, written by layer 0 (ADD rootfs.tar /)%n"
                        + "  /root/.npm/_cacache: npm cache, 1 file, 700 B, written by layer 1 (RUN npm ci)").formatted());
    }

    @Test
    void shellsOnThePath() {
        assertThatThrownBy(() -> assertThat(image).hasNoShell()).hasMessage((
                "%nExpecting image:%n  hygiene:1%nto have no shell on its PATH (a distroless or scratch image)%nbut found:%n"
                        + "  /usr/bin/sh: regular file, 3 B, -rwxr-xr-x 0:0, added by layer 0 (ADD rootfs.tar /)%n"
                        + "  /usr/bin/bash (via /usr/bin/bash -> sh) = /usr/bin/sh: regular file, 3 B, -rwxr-xr-x 0:0, added by layer 0 (ADD rootfs.tar /)")
                .formatted());
        assertThat(image).doesNotContainBuildTools();
    }

    @Test
    void everyKindOfCacheIsFoundWhereItsManagerWritesIt() {
        // GIVEN one file in each kind of cache, under a home or at the root, and look-alikes beside them
        LayerTar layer = new LayerTar();
        String[][] caches = {
                {"/var/cache/apt/archives/curl_8.5.0_amd64.deb", "apt downloaded packages", "/var/cache/apt/archives"},
                {"/var/cache/apt/pkgcache.bin", "apt package caches", "/var/cache/apt"},
                {"/etc/apk/cache/APKINDEX.tar.gz", "apk cache", "/etc/apk/cache"},
                {"/home/node/.cache/yarn/v6/pkg/index.js", "yarn cache", "/home/node/.cache/yarn"},
                {"/app/.yarn/berry/cache/lodash.zip", "yarn cache", "/app/.yarn/berry/cache"},
                {"/.pnpm-store/v3/files/00/ab", "pnpm store", "/.pnpm-store"},
                {"/root/.cache/pip/http/a/b", "pip cache", "/root/.cache/pip"},
                {"/root/.m2/repository/junit/junit/4.13/junit-4.13.jar", "Maven local repository", "/root/.m2/repository"},
                {"/home/gradle/.gradle/caches/modules-2/files-2.1/x.jar", "Gradle caches", "/home/gradle/.gradle/caches"},
                {"/go/pkg/mod/cache/download/x.zip", "Go build cache", "/go/pkg/mod/cache"}};
        for (String[] cache : caches) {
            layer.file(cache[0], "x".repeat(10));
        }
        layer.file("/var/cache/apt/archives/partial/curl.deb", "partial").file("/var/cache/apt/srcpkgcache.bin.old", "old")
                .file("/app/.m2/settings.xml", "<settings/>").file("/app/src/.cache/pipeline.txt", "p")
                .file("/usr/share/doc/go/pkg/mod/README", "r");
        ContainerImage caching = ContainerImage.fromArchive(new ImageArchive().layer(layer, "RUN build")
                .writeLegacyDockerSave(dir.resolve("caches.tar"), "caches:1"));

        // THEN each cache is found with its root, and no look-alike is
        org.assertj.core.api.Assertions.assertThat(caching.hygiene().packageCaches())
                .extracting(PackageCache::kind, PackageCache::root)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(caches)
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c[1], c[2])).toArray(org.assertj.core.groups.Tuple[]::new));
    }
}
