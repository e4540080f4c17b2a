package io.github.imageassert.junit;

import io.github.imageassert.internal.source.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code docker save} archives for {@code @LoadImage(archive = ...)}, written once into target/. */
final class TestArchives {

    /** Where {@link #busybox()} writes, relative to the module: scenarios name it in their annotations. */
    static final Path BUSYBOX = Path.of("target/test-archives/busybox-stable.tar");

    private TestArchives() {
    }

    /** {@code busybox:stable}, saved from this run's engine. */
    static synchronized Path busybox() {
        if (!Files.isRegularFile(BUSYBOX)) {
            try {
                Files.createDirectories(BUSYBOX.getParent());
                Path partial = Files.createTempFile(BUSYBOX.getParent(), "busybox", ".partial");
                try (InputStream in = Engine.client().saveImageCmd("busybox:stable").exec()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, BUSYBOX, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return BUSYBOX.toAbsolutePath();
    }
}
