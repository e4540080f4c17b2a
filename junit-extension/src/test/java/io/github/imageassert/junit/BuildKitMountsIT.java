package io.github.imageassert.junit;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.secrets.SecretRule;
import io.github.imageassert.secrets.SecretRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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
        assertThat(image.secrets(only(SecretRule.text("digest", digest))))
                .as("control: the scan finds what a layer does hold").isNotEmpty();
        assertThat(image).doesNotHaveFile("/run/secrets/api_token");
        assertThat(image.filesystem().removed()).noneMatch(r -> r.entry().path().startsWith("/run/secrets"));
        assertThat(image).hasNoLeakedSecrets(only(SecretRule.text("api-token", new String(secret, StandardCharsets.UTF_8).strip())));
    }

    @Test
    void theCacheWasUsedButIsInNoLayer() {
        assertThat(image).file("/cache-listing.txt").hasContent("blob\n");
        assertThat(image).hasNoFileMatching("/var/cache/demo/**");
        assertThat(image).hasNoLeakedSecrets(only(SecretRule.text("cached-file", "cached-bytes-7f3a")));
    }

    private static SecretRules only(SecretRule rule) {
        return SecretRules.none().with(rule);
    }
}
