package io.github.imageassert.junit;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.source.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/** A cache mount and a secret mount: used by the build, found in no layer of the result. */
class BuildKitMountsIT {

    static final Path SECRET = Path.of("src/test/docker/mounts/api_token.txt");

    @BuildImage(dockerfile = "src/test/docker/mounts/Dockerfile", secrets = "api_token=src/test/docker/mounts/api_token.txt")
    static ContainerImage image;

    @Test
    void theSecretWasReadButIsInNoLayer() throws Exception {
        byte[] secret = Files.readAllBytes(SECRET);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));

        assertThat(image).file("/token.sha256").hasContent(digest + "\n");
        assertThat(layersContain(image, digest)).as("control: the scan finds what a layer does hold").isTrue();
        assertThat(image).doesNotHaveFile("/run/secrets/api_token");
        assertThat(image.filesystem().removed()).noneMatch(r -> r.entry().path().startsWith("/run/secrets"));
        assertThat(layersContain(image, new String(secret, StandardCharsets.UTF_8).strip()))
                .as("the secret's text in any layer").isFalse();
    }

    @Test
    void theCacheWasUsedButIsInNoLayer() throws Exception {
        assertThat(image).file("/cache-listing.txt").hasContent("blob\n");
        assertThat(image).hasNoFileMatching("/var/cache/demo/**");
        assertThat(layersContain(image, "cached-bytes-7f3a")).as("the cached file's text in any layer").isFalse();
    }

    /**
     * Scans every layer of the export for a byte string. The config is left out on purpose: its history records
     * the RUN commands themselves, and the claim is about what the layers ship.
     */
    static boolean layersContain(ContainerImage image, String text) throws IOException {
        String needle = text;
        try (InputStream in = Engine.client().saveImageCmd(image.reference()).exec()) {
            TarArchiveInputStream save = new TarArchiveInputStream(in);
            TarArchiveEntry entry;
            while ((entry = save.getNextEntry()) != null) {
                boolean layer = entry.isFile() && (entry.getName().endsWith("/layer.tar") || entry.getName().startsWith("blobs/"));
                if (layer && scan(save, needle)) {
                    return true;
                }
            }
        }
        return false;
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
