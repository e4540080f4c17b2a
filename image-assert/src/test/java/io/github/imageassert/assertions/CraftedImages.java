package io.github.imageassert.assertions;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.nio.file.Path;

/**
 * Two images whose every byte the tests wrote: {@code base:1}, a root filesystem with one dpkg package, and
 * {@code app:1}, built on it, adding an executable {@code /app/server} in a COPY layer, with label
 * {@code team=platform} and USER 1000.
 */
final class CraftedImages {

    private CraftedImages() {
    }

    static ContainerImage base(Path dir) {
        return ContainerImage.fromArchive(new ImageArchive()
                .layer(rootfs(), "ADD rootfs.tar / # buildkit")
                .writeLegacyDockerSave(dir.resolve("base.tar"), "base:1"));
    }

    static ContainerImage app(Path dir) {
        return ContainerImage.fromArchive(new ImageArchive()
                .layer(rootfs(), "ADD rootfs.tar / # buildkit")
                .layer(new LayerTar().dir("/app").file("/app/server", "binary".getBytes(), 0755, 0, 0), "COPY . /app # buildkit")
                .config(c -> {
                    c.putObject("Labels").put("team", "platform");
                    c.put("User", "1000");
                })
                .writeLegacyDockerSave(dir.resolve("app.tar"), "app:1"));
    }

    private static LayerTar rootfs() {
        return new LayerTar().dir("/etc").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n")
                .dir("/usr").dir("/usr/bin").file("/usr/bin/sh", "ELF".getBytes(), 0755, 0, 0)
                .dir("/var/lib/dpkg").file("/var/lib/dpkg/status",
                        "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9+deb12u7\n");
    }
}
