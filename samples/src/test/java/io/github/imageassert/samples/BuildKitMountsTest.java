package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.secrets.SecretRule;
import io.github.imageassert.secrets.SecretRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** buildkit-mounts: an apt cache mount and a secret mount, neither of which reaches a layer. */
class BuildKitMountsTest {

    static final Path SECRET = Path.of("buildkit-mounts/secret.txt.example");

    @BuildImage(dockerfile = "buildkit-mounts/Dockerfile", secrets = "api_token=buildkit-mounts/secret.txt.example")
    static ContainerImage runtime;

    @Test
    void theSecretWasUsedButIsInNoLayer() throws Exception {
        byte[] secret = Files.readAllBytes(SECRET);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));

        assertThat(runtime).file("/app/build-info.json").contentContains(digest).contentContains("\"token_present\": true");
        assertThat(runtime.filesystem().under("/run/secrets")).isEmpty();
        assertThat(runtime).hasNoLeakedSecrets(SecretRules.defaults()
                .with(SecretRule.text("api-token", new String(secret, StandardCharsets.UTF_8).strip())));
        assertThat(runtime.secrets(SecretRules.none().with(SecretRule.text("digest", digest))))
                .as("control: the scan finds what a layer holds").isNotEmpty();
    }

    @Test
    void theAptCacheIsInNoLayer() {
        assertThat(runtime).hasNoFileMatching("**/*.deb").hasNoFileMatching("/var/lib/apt/lists/*_Packages")
                .hasExecutable("jq");
        assertThat(runtime.filesystem().removed()).noneMatch(r -> r.entry().path().endsWith(".deb"));
    }

    @Test
    void budget() {
        // measured: 118,779,383 B in 5 layers
        assertThat(runtime).runsAsNonRoot().hasSizeLessThan("125 MB").hasAtMostLayers(5);
    }
}
