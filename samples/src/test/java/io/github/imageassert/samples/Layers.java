package io.github.imageassert.samples;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.source.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Byte-level checks over every layer of an image, for "it is in no layer" claims. */
final class Layers {

    private Layers() {
    }

    /** True when any layer's bytes (not the config, whose history quotes the RUN lines) contain {@code text}. */
    static boolean anyContains(ContainerImage image, String text) {
        try (InputStream in = Engine.client().saveImageCmd(image.reference()).exec()) {
            TarArchiveInputStream save = new TarArchiveInputStream(in);
            TarArchiveEntry entry;
            while ((entry = save.getNextEntry()) != null) {
                boolean layer = entry.isFile() && (entry.getName().endsWith("/layer.tar") || entry.getName().startsWith("blobs/"));
                if (layer && scan(save, text)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean scan(InputStream in, String needle) throws IOException {
        byte[] buffer = new byte[1 << 16];
        String carry = "";
        int n;
        while ((n = in.read(buffer)) > 0) {
            String window = carry + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            if (window.contains(needle)) {
                return true;
            }
            carry = window.substring(Math.max(0, window.length() - needle.length() + 1));
        }
        return false;
    }
}
