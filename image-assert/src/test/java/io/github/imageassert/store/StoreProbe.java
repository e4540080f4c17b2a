package io.github.imageassert.store;

import io.github.imageassert.ContainerImage;
import java.nio.file.Path;

/**
 * Run in a JVM of its own by the store's tests: reads an image and prints what it found as {@code RESULT} lines.
 * Arguments: {@code engine REF | archive PATH}, then {@code index}, or {@code read PATH}.
 */
public final class StoreProbe {

    private StoreProbe() {
    }

    public static void main(String[] args) {
        ContainerImage image = args[0].equals("engine") ? ContainerImage.fromDaemon(args[1]) : ContainerImage.fromArchive(Path.of(args[1]));
        long start = System.nanoTime();
        switch (args[2]) {
            case "index" -> System.out.println("RESULT entries=" + image.filesystem().size());
            case "read" -> System.out.println("RESULT content=" + image.readString(args[3]).orElse("<none>").strip());
            default -> throw new IllegalArgumentException(args[2]);
        }
        System.out.printf("RESULT ms=%.1f%n", (System.nanoTime() - start) / 1e6);
    }
}
