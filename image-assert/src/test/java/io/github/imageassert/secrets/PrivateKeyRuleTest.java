package io.github.imageassert.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The private-key rule finds keys, freshly generated here in every format that ships, and not the placeholders,
 * truncated examples and header checks that documentation and code hold (npm's definitions.js made every image with
 * Debian's npm fail {@code hasNoLeakedSecrets()}).
 */
class PrivateKeyRuleTest {

    private static final SecretRule RULE = SecretRules.defaults().rules().stream()
            .filter(r -> r.id().equals("private-key")).findFirst().orElseThrow();

    @TempDir
    Path dir;

    static Stream<Arguments> keysGeneratedInJava() throws Exception {
        KeyPair rsa = TestKeys.generate("RSA", null);
        KeyPair ec = TestKeys.generate("EC", new ECGenParameterSpec("secp256r1"));
        KeyPair ed = TestKeys.generate("Ed25519", null);
        byte[] rsaPkcs8 = rsa.getPrivate().getEncoded();
        byte[] ecPkcs8 = ec.getPrivate().getEncoded();
        return Stream.of(
                Arguments.of("RSA, PKCS#1", TestKeys.pem("RSA PRIVATE KEY", TestKeys.innerKey(rsaPkcs8))),
                Arguments.of("EC, SEC1 without its optional fields (39 bytes)", TestKeys.pem("EC PRIVATE KEY", TestKeys.innerKey(ecPkcs8))),
                Arguments.of("RSA, PKCS#8", TestKeys.pem("PRIVATE KEY", rsaPkcs8)),
                Arguments.of("EC, PKCS#8", TestKeys.pem("PRIVATE KEY", ecPkcs8)),
                Arguments.of("Ed25519, PKCS#8 (the smallest key there is)", TestKeys.pem("PRIVATE KEY", ed.getPrivate().getEncoded())),
                Arguments.of("RSA, encrypted PKCS#8", TestKeys.pem("ENCRYPTED PRIVATE KEY", TestKeys.encrypted(rsaPkcs8))),
                Arguments.of("Ed25519, OpenSSH", TestKeys.openSsh(ed)),
                Arguments.of("in a JSON service account file, newlines escaped",
                        "{\n  \"type\": \"service_account\",\n  \"private_key\": \"" + TestKeys.pem("PRIVATE KEY", rsaPkcs8).replace("\n", "\\n")
                                + "\",\n  \"client_email\": \"ci@example.invalid\"\n}\n"),
                Arguments.of("in an .npmrc, as npm documents it", "key=\"" + TestKeys.pem("PRIVATE KEY", ecPkcs8).replace("\n", "\\n") + "\"\n"),
                Arguments.of("on one line of an .env file", "TLS_KEY=\"" + TestKeys.pem("EC PRIVATE KEY", TestKeys.innerKey(ecPkcs8)).replace("\n", " ") + "\"\n"),
                Arguments.of("with CRLF line ends, after a placeholder", "# format: -----BEGIN PRIVATE KEY-----\\nXXXX\r\n"
                        + TestKeys.pem("RSA PRIVATE KEY", TestKeys.innerKey(rsaPkcs8)).replace("\n", "\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysGeneratedInJava")
    void keysAreFound(String what, String content) {
        assertThat(RULE.find(content)).as(what).isPresent().get().asString().startsWith("-----BEGIN ").endsWith("PRIVATE KEY-----");
    }

    static Stream<Arguments> placeholders() {
        return Stream.of(
                Arguments.of("npm's definitions.js", "    A client key to pass when accessing the registry.  Values should be in\n"
                        + "    PEM format with newlines replaced by the string \"\\\\n\". For example:\n\n    ```ini\n"
                        + "    key=\"-----BEGIN PRIVATE KEY-----\\\\nXXXX\\\\nXXXX\\\\n-----END PRIVATE KEY-----\"\n    ```\n"),
                Arguments.of("a header alone", "-----BEGIN PRIVATE KEY-----\n"),
                Arguments.of("code looking for headers", "if (pem.startsWith(\"-----BEGIN RSA PRIVATE KEY-----\")) {\n"
                        + "    return pem.endsWith(\"-----END RSA PRIVATE KEY-----\\n\");\n}\n"),
                Arguments.of("a truncated example", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----\n"),
                Arguments.of("dots", "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----\n"),
                Arguments.of("words", "-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----\n"),
                Arguments.of("a long run of X", "-----BEGIN PRIVATE KEY-----\n" + "X".repeat(64) + "\n" + "X".repeat(64)
                        + "\n-----END PRIVATE KEY-----\n"),
                Arguments.of("an OpenSSH header over a short body", "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                        + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n"),
                Arguments.of("a base64 body that is no key", TestKeys.pem("PRIVATE KEY", "this text is long enough to pass for a key, but it is none".getBytes(StandardCharsets.US_ASCII))),
                Arguments.of("an END of another type", "-----BEGIN RSA PRIVATE KEY-----\n" + "QUFB".repeat(20) + "\n-----END CERTIFICATE-----\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placeholders")
    void placeholdersAreNot(String what, String content) {
        assertThat(RULE.find(content)).as(what).isEmpty();
    }

    @Test
    void keysMadeByOpenSsl() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed");
        Path key = dir.resolve("key");
        List<List<String>> commands = List.of(
                List.of("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString()),
                List.of("openssl", "genpkey", "-algorithm", "ED25519", "-out", key.toString()),
                List.of("openssl", "ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", key.toString()),
                List.of("openssl", "genrsa", "-traditional", "-aes256", "-passout", "pass:secret", "-out", key.toString(), "2048"),
                List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256", "-pass", "pass:secret",
                        "-out", key.toString()),
                List.of("openssl", "dsaparam", "-genkey", "-noout", "-out", key.toString(), "1024"));
        for (List<String> command : commands) {
            run(command);
            String content = Files.readString(key, StandardCharsets.ISO_8859_1);
            assertThat(RULE.find(content)).as(String.join(" ", command) + " wrote:%n%s", content).isPresent();
            Files.delete(key);
        }
    }

    @Test
    void keysMadeBySshKeygen() throws Exception {
        assumeTrue(onPath("ssh-keygen"), "ssh-keygen is not installed");
        Path key = dir.resolve("id");
        List<List<String>> types = List.of(List.of("-t", "rsa", "-b", "2048"), List.of("-t", "ecdsa"), List.of("-t", "ed25519"),
                List.of("-t", "rsa", "-b", "2048", "-m", "PEM"), List.of("-t", "ed25519", "-N", "secret"));
        for (List<String> type : types) {
            List<String> command = new java.util.ArrayList<>(List.of("ssh-keygen", "-q", "-f", key.toString(), "-C", "test"));
            command.addAll(type);
            if (!type.contains("-N")) {
                command.addAll(List.of("-N", ""));
            }
            run(command);
            String content = Files.readString(key, StandardCharsets.ISO_8859_1);
            assertThat(RULE.find(content)).as(String.join(" ", type) + " wrote:%n%s", content).isPresent();
            assertThat(RULE.find(Files.readString(dir.resolve("id.pub")))).as("the public key").isEmpty();
            Files.delete(key);
            Files.delete(dir.resolve("id.pub"));
        }
    }

    @Test
    void keysMadeByGpg() throws Exception {
        assumeTrue(onPath("gpg"), "gpg is not installed");
        Path home = Files.createDirectory(dir.resolve("gnupg"));
        List<String> gpg = List.of("gpg", "--batch", "--homedir", home.toString(), "--pinentry-mode", "loopback", "--passphrase", "");
        try {
            run(concat(gpg, "--quick-gen-key", "Test <test@example.invalid>", "ed25519", "sign", "never"));
            Path exported = dir.resolve("secret.asc");
            run(concat(gpg, "--output", exported.toString(), "--armor", "--export-secret-keys"));
            String armored = Files.readString(exported, StandardCharsets.ISO_8859_1);
            assertThat(armored).contains("-----BEGIN PGP PRIVATE KEY BLOCK-----");
            assertThat(RULE.find(armored)).as(armored).contains("-----BEGIN PGP PRIVATE KEY BLOCK-----");
        } finally {
            if (onPath("gpgconf")) {
                run(List.of("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent"));
            }
        }
    }

    // ---- running tools

    private static boolean onPath(String tool) {
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":%n" + output).isZero();
        return output;
    }
}
