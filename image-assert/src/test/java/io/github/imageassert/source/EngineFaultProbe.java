package io.github.imageassert.source;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.image.ImageAssertException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run by {@link EngineFaultsIT} in a JVM of its own, whose DOCKER_HOST names the private fault engine: reads an
 * image from the engine as a user would ({@code fromDaemon}, then every file's bytes) and prints what happened as
 * {@code RESULT} lines: each file's sha256, or the exception with the wall-clock time it was thrown at.
 * Arguments: the image reference, then the paths whose sha256 to print.
 */
public final class EngineFaultProbe {

    private EngineFaultProbe() {
    }

    public static void main(String[] args) {
        System.out.println("RESULT started=" + System.currentTimeMillis());
        try {
            ContainerImage image = ContainerImage.fromDaemon(args[0]);
            List<FileEntry> files = List.of(args).subList(1, args.length).stream()
                    .map(path -> image.file(path).orElseThrow(() -> new AssertionError("no " + path + " in " + args[0])))
                    .toList();
            Map<String, String> sums = new TreeMap<>();
            image.readContents(files, (entry, content) -> {
                try {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = content.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                    sums.put(entry.path(), HexFormat.of().formatHex(sha.digest()));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
            sums.forEach((path, sum) -> System.out.println("RESULT sha256 " + path + "=" + sum));
            System.out.println("RESULT ok at=" + System.currentTimeMillis());
        } catch (Throwable t) {
            long at = System.currentTimeMillis();
            System.out.println("RESULT failed at=" + at + " typed=" + (t instanceof ImageAssertException)
                    + " type=" + t.getClass().getName());
            System.out.println("RESULT message=" + String.valueOf(t.getMessage()).replace('\n', ' '));
            t.printStackTrace(System.out);
        }
        System.out.flush();
        System.exit(0); // whatever threads the engine's client left behind
    }
}
