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

    /** The registry scripts/registry.sh runs next to the engine. */
    static final String REGISTRY = System.getenv().getOrDefault("IMAGE_ASSERT_REGISTRY", "127.0.0.1:5000");

    /** {@code busybox:stable} pushed to {@link #REGISTRY}; returns its reference there. */
    static synchronized String pushedBusybox() {
        String reference = REGISTRY + "/image-assert-extension/busybox:stable";
        docker("tag", "busybox:stable", reference);
        docker("push", "-q", reference);
        return reference;
    }

    private static void docker(String... args) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("docker"));
        command.addAll(java.util.List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (is scripts/registry.sh's registry up?): " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
