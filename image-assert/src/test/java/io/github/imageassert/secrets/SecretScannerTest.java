package io.github.imageassert.secrets;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets in a crafted image: visible, deleted by a later layer, overwritten, and look-alikes that are not secrets. */
class SecretScannerTest {

    static String key;
    /** What Debian's npm ships in /usr/share/nodejs/npm/lib/utils/config/definitions.js: documentation, no key. */
    static final String NPM_DEFINITIONS = "  key: new Definition('key', {\n    default: null,\n    type: [null, String],\n"
            + "    description: `\n      A client key to pass when accessing the registry.  Values should be in\n"
            + "      PEM format with newlines replaced by the string \"\\\\n\". For example:\n\n      \\`\\`\\`ini\n"
            + "      key=\"-----BEGIN PRIVATE KEY-----\\\\nXXXX\\\\nXXXX\\\\n-----END PRIVATE KEY-----\"\n      \\`\\`\\`\n";
    static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----\n";

    @TempDir
    static Path dir;
    static ContainerImage image;

    @BeforeAll
    static void craft() throws Exception {
        key = TestKeys.openSsh();
        image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/etc/ssl/certs").file("/etc/ssl/certs/ca-certificates.crt", CERT)
                        .dir("/usr/share/nodejs/npm/lib/utils/config")
                        .file("/usr/share/nodejs/npm/lib/utils/config/definitions.js", NPM_DEFINITIONS)
                        .file("/etc/ssl/certs/public.pem", "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n"),
                        "ADD rootfs.tar /")
                .layer(new LayerTar().dir("/root").file("/root/.npmrc", "registry=https://npm.example/\n//npm.example/:_authToken=npm_4f9Qx7Tz2LkPq8Vw\n")
                        .dir("/app").file("/app/.env", "DB_PASSWORD=hunter2-but-longer\n").file("/app/.env.example", "DB_PASSWORD=changeme\n")
                        .file("/app/deploy_key", key).dir("/app/.git").file("/app/.git/config", "[core]\n"), "COPY . /app # buildkit")
                .layer(new LayerTar().dir("/root").whiteout("/root/.npmrc").dir("/app").file("/app/deploy_key", "gone\n"),
                        "RUN rm /root/.npmrc && echo gone > /app/deploy_key # buildkit")
                .writeLegacyDockerSave(dir.resolve("secrets.tar"), "secrets:1"));
    }

    @Test
    void findsSecretsInEveryLayerIncludingHiddenCopies() {
        org.assertj.core.api.Assertions.assertThat(image.secrets(SecretRules.defaults()))
                .extracting(f -> f.rule().id(), f -> f.entry().path(), f -> f.entry().layer(), SecretFinding::isHidden, SecretFinding::evidence)
                .containsExactly(
                        tuple("dotenv", "/app/.env", 1, false, "DB_PASSWORD=hun*** (18 chars)"),
                        tuple("git-directory", "/app/.git", 1, false, ""),
                        tuple("private-key", "/app/deploy_key", 1, true, "-----BEGIN OPENSSH PRIVATE KEY-----"),
                        tuple("npm-credentials", "/root/.npmrc", 1, true, "_authToken=npm*** (20 chars)"));
    }

    @Test
    void theFailureNamesLayerInstructionAndWhatHidTheFile() {
        assertThatThrownBy(() -> assertThat(image).hasNoLeakedSecrets(SecretRules.defaults().without("dotenv", "git-directory")))
                .hasMessage(("%nExpecting image:%n  secrets:1%nto leak no secret in any layer, hidden copies included (rules: "
                        + "private-key, npm-credentials, pypi-credentials, netrc-credentials, git-credentials, aws-credentials, "
                        + "gcloud-credentials, azure-credentials, docker-credentials, kube-credentials)%nbut found 2:%n"
                        + "  /app/deploy_key: a private key (-----BEGIN OPENSSH PRIVATE KEY-----), added by layer 1 (COPY . /app), "
                        + "overwritten by layer 2 (RUN rm /root/.npmrc && echo gone > /app/deploy_key): still readable in layer 1%n"
                        + "  /root/.npmrc: npm registry credentials (_authToken=npm*** (20 chars)), added by layer 1 (COPY . /app), "
                        + "deleted by layer 2 (RUN rm /root/.npmrc && echo gone > /app/deploy_key): still readable in layer 1")
                        .formatted());
    }

    @Test
    void certificatesAndPublicKeysAreNoFinding() {
        org.assertj.core.api.Assertions.assertThat(image.secrets(SecretRules.defaults()))
                .noneMatch(f -> f.entry().path().startsWith("/etc/ssl"));
    }

    @Test
    void aPrivateKeyPlaceholderInDocumentationIsNoFinding() {
        org.assertj.core.api.Assertions.assertThat(NPM_DEFINITIONS).contains("-----BEGIN PRIVATE KEY-----\\\\nXXXX");
        org.assertj.core.api.Assertions.assertThat(image.secrets(SecretRules.defaults()))
                .noneMatch(f -> f.entry().path().startsWith("/usr/share/nodejs"));
    }

    @Test
    void rulesAreExtensibleAndPathsCanBeIgnored() {
        SecretRules token = SecretRules.none().with(SecretRule.text("build-token", "npm_4f9Qx7Tz2LkPq8Vw"));
        org.assertj.core.api.Assertions.assertThat(image.secrets(token))
                .extracting(f -> f.entry().path()).containsExactly("/root/.npmrc");
        assertThat(image).hasNoLeakedSecrets(token.ignoringPaths("/root/**"));
        assertThat(image).hasNoLeakedSecrets(SecretRules.none().with(SecretRule.text("absent", "never-written-anywhere")));

        SecretRules custom = SecretRules.none().with(SecretRule.content("internal-db", "an internal database password",
                "(?m)^DB_PASSWORD=\\S+", "/app/**"));
        org.assertj.core.api.Assertions.assertThat(image.secrets(custom))
                .extracting(f -> f.entry().path()).containsExactly("/app/.env", "/app/.env.example");
        assertThatThrownBy(() -> SecretRules.defaults().without("dot-env"))
                .hasMessageStartingWith("No secret rule 'dot-env'; the rules are [private-key,");
    }
}
