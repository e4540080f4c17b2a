package io.github.imageassert.podman;

import io.github.imageassert.ContainerImage;

/** Run in a JVM whose DOCKER_HOST names Podman's socket: reads an image from Podman's API and prints what it saw. */
public final class PodmanProbe {

    private PodmanProbe() {
    }

    public static void main(String[] args) {
        ContainerImage image = ContainerImage.fromDaemon(args[0]);
        System.out.println("RESULT cmd=" + image.config().cmd());
        System.out.println("RESULT layers=" + image.layers().size());
        System.out.println("RESULT passwd=" + image.readString("/etc/passwd").map(s -> s.lines().findFirst().orElse("")).orElse("-"));
        System.out.println("RESULT busybox=" + image.file("/bin/busybox").isPresent());
    }
}
