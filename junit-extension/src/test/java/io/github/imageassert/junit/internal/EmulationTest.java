package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.junit.ImageBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build for another architecture is refused before it starts where QEMU is not registered, saying how to fix it. */
class EmulationTest {

    private static BuildRequest request(String platform) {
        Path dockerfile = Path.of("src/test/docker/template/Dockerfile").toAbsolutePath();
        return new BuildRequest(dockerfile, "FROM busybox:stable AS runtime\n", dockerfile.getParent(), "runtime", Map.of(),
                Map.of(), platform, "");
    }

    @Test
    void anotherArchitectureWithoutQemuIsRefusedWithWhatToInstall(@TempDir Path emptyBinfmt) {
        assertThatThrownBy(() -> Emulation.require(request("linux/arm64"), emptyBinfmt))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("for linux/arm64 on this linux/amd64 machine needs QEMU emulation")
                .hasMessageContaining(emptyBinfmt.resolve("qemu-aarch64") + " is not registered")
                .hasMessageContaining("apt-get install qemu-user-static binfmt-support");
    }

    @Test
    void aDisabledInterpreterIsNamedAsSuch(@TempDir Path binfmt) throws IOException {
        Files.writeString(binfmt.resolve("qemu-aarch64"), "disabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\n");

        assertThatThrownBy(() -> Emulation.require(request("linux/arm64"), binfmt)).hasMessageContaining("is disabled");
    }

    @Test
    void theEnginesOwnPlatformAndARegisteredOneNeedNothing(@TempDir Path binfmt) throws IOException {
        Files.writeString(binfmt.resolve("qemu-aarch64"), "enabled\nflags: PF\n");

        assertThatCode(() -> Emulation.require(request("linux/amd64"), binfmt)).doesNotThrowAnyException();
        assertThatCode(() -> Emulation.require(request(""), binfmt)).doesNotThrowAnyException();
        assertThatCode(() -> Emulation.require(request("linux/arm64"), binfmt)).doesNotThrowAnyException();
    }
}
