package io.github.imageassert.podman;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.testing.ChildJvm;
import io.github.imageassert.testing.DockerBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Podman as the engine (its Docker-compatible API, started by scripts/podman.sh) and Podman's archive formats, with
 * the real Podman: its export names layers {@code <digest>.tar}, and {@code --format docker-dir} is the
 * containers/image {@code dir:} layout.
 */
class PodmanIT {

    static final Path SOCKET = Path.of(System.getenv().getOrDefault("IMAGE_ASSERT_PODMAN_SOCKET",
            "/var/tmp/image-assert/podman/podman.sock"));
    static final String IMAGE = "localhost/image-assert-podman/busybox:1";

    @BeforeAll
    static void busyboxInPodman(@TempDir Path dir) {
        Path saved = DockerBuild.save("busybox:stable", dir.resolve("busybox.tar"));
        DockerBuild.run(List.of("podman", "load", "-q", "-i", saved.toString()));
        DockerBuild.run(List.of("podman", "tag", "localhost/busybox:stable", IMAGE));
    }

    @Test
    void podmansApiServesImagesLikeAnEngine() throws Exception {
        // GIVEN Podman's API as the engine of a fresh JVM (DOCKER_HOST), and no layer of it stored
        Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + SOCKET);

        // WHEN that JVM reads the image's config and a file
        ChildJvm.Result result = ChildJvm.await(ChildJvm.start(List.of("-Xmx256m"), env, PodmanProbe.class,
                Map.of("imageassert.store", "off"), IMAGE));

        // THEN it sees what docker sees of the same image
        ContainerImage viaDocker = ContainerImage.fromDaemon("busybox:stable");
        assertThat(result.line("RESULT cmd=")).isEqualTo("RESULT cmd=" + viaDocker.config().cmd());
        assertThat(result.line("RESULT layers=")).isEqualTo("RESULT layers=" + viaDocker.layers().size());
        assertThat(result.line("RESULT passwd=")).isEqualTo("RESULT passwd=root:x:0:0:root:/root:/bin/sh");
        assertThat(result.line("RESULT busybox=")).isEqualTo("RESULT busybox=true");
    }

    @Test
    void podmansDockerDirFormatIsRead(@TempDir Path dir) {
        Path out = dir.resolve("docker-dir");
        DockerBuild.run(List.of("podman", "save", "-q", "--format", "docker-dir", "-o", out.toString(), IMAGE));

        ContainerImage image = ContainerImage.fromArchive(out);

        assertThat(image).hasFile("/bin/busybox");
        assertThat(image.config().cmd()).isEqualTo(ContainerImage.fromDaemon("busybox:stable").config().cmd());
        assertThat(image.readString("/etc/group")).isPresent();
    }

    @Test
    void podmansOciArchiveAndDockerArchiveAreRead(@TempDir Path dir) throws Exception {
        Path oci = dir.resolve("oci.tar");
        Path docker = dir.resolve("docker.tar");
        DockerBuild.run(List.of("podman", "save", "-q", "--format", "oci-archive", "-o", oci.toString(), IMAGE));
        DockerBuild.run(List.of("podman", "save", "-q", "--format", "docker-archive", "-o", docker.toString(), IMAGE));

        assertThat(ContainerImage.fromOciLayout(oci)).hasFile("/bin/busybox");
        assertThat(ContainerImage.fromArchive(docker)).hasFile("/bin/busybox");
        assertThat(Files.size(oci)).isPositive();
    }
}
