package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.secrets.SecretRule;
import io.github.imageassert.secrets.SecretRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** dockerignore: .git, .env and target/ sit in the build context but never reach the image. */
class DockerignoreTest {

    static {
        // The junk must be in the context before the extension builds (it cannot be committed: .git is git's own).
        prepareContext();
    }

    static final SecretRule SECRET_TEXT = SecretRule.text("dotenv-value", "fake-dotenv-secret-5d2c9e1b");

    @BuildImage(dockerfile = "dockerignore/Dockerfile", target = "runtime")
    static ContainerImage runtime;

    @BuildImage(dockerfile = "dockerignore/Dockerfile.leaky", context = "dockerignore")
    static ContainerImage leaky;

    @Test
    void ignoredFilesNeverReachTheImage() {
        assertThat(runtime).doesNotHaveFile("/app/.git").doesNotHaveFile("/app/.env").doesNotHaveFile("/app/target")
                .doesNotHaveFile("/app/Dockerfile").hasFile("/app/hello.sh").hasFile("/app/config/app.properties");
        assertThat(runtime).hasNoLeakedSecrets(SecretRules.defaults().with(SECRET_TEXT));
    }

    @Test
    void withoutTheIgnoreFileTheyWouldHave() {
        assertThat(leaky).hasFile("/app/.git/HEAD").hasFile("/app/.env").hasFile("/app/target/junk.bin");
        assertThat(leaky).file("/app/.env").contentContains("fake-dotenv-secret-5d2c9e1b");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(leaky).hasNoLeakedSecrets(SecretRules.defaults().with(SECRET_TEXT)))
                .hasMessageContaining("/app/.env: a .env file with values")
                .hasMessageContaining("/app/.env: contains the text given to rule dotenv-value")
                .hasMessageContaining("/app/.git: a .git directory");
    }

    @Test
    void budget() {
        // measured: runtime 1,984,418 B in 2 layers (busybox + 184 B of app); leaky 3,035,193 B
        assertThat(runtime).hasSizeLessThan("2 MB").hasAtMostLayers(2).runsAsNonRoot();
    }

    private static void prepareContext() {
        try {
            Process p = new ProcessBuilder("bash", "dockerignore/prepare-context.sh").inheritIO().start();
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("dockerignore/prepare-context.sh failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
