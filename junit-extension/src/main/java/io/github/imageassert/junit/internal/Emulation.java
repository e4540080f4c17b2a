package io.github.imageassert.junit.internal;

import io.github.imageassert.image.Platform;
import io.github.imageassert.junit.ImageBuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether this machine can run another architecture's binaries, as a build for that platform needs (every RUN
 * executes there): the kernel's binfmt_misc must hand them to QEMU. Checked before the build, so that the failure
 * says what to install instead of BuildKit's "exec format error".
 */
final class Emulation {

    static final Path BINFMT = Path.of("/proc/sys/fs/binfmt_misc");
    /** OCI architecture to the name QEMU registers under. */
    private static final Map<String, String> QEMU = Map.of("arm64", "aarch64", "arm", "arm", "ppc64le", "ppc64le",
            "s390x", "s390x", "riscv64", "riscv64", "386", "i386", "amd64", "x86_64", "mips64le", "mips64el");

    private Emulation() {
    }

    static void require(BuildRequest request) {
        require(request, BINFMT);
    }

    /** @param binfmt where the kernel lists its registered interpreters */
    static void require(BuildRequest request, Path binfmt) {
        if (request.platform().isEmpty()) {
            return;
        }
        Platform wanted = Platform.parse(request.platform());
        Platform host = Platform.host();
        if (wanted.architecture().equals(host.architecture()) || host.architecture().equals("amd64") && wanted.architecture().equals("386")) {
            return; // the CPU runs it itself
        }
        String qemu = QEMU.getOrDefault(wanted.architecture(), wanted.architecture());
        Path entry = binfmt.resolve("qemu-" + qemu);
        if (!Files.isReadable(entry) || !enabled(entry)) {
            throw new ImageBuildException("Building " + request.describe() + " for " + wanted + " on this " + host
                    + " machine needs QEMU emulation, and " + entry + " is " + (Files.exists(entry) ? "disabled" : "not registered")
                    + ". On Debian or Ubuntu: `apt-get install qemu-user-static binfmt-support` (it registers qemu-" + qemu
                    + " with binfmt_misc; where /proc/sys/fs/binfmt_misc is empty, first `mount binfmt_misc -t binfmt_misc "
                    + "/proc/sys/fs/binfmt_misc`). Docker Desktop has it built in.", null);
        }
    }

    private static boolean enabled(Path entry) {
        try {
            return Files.readString(entry).startsWith("enabled");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
