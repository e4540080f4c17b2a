package io.github.imageassert.internal.registry;

import io.github.imageassert.image.RegistryException;
import io.github.imageassert.internal.json.DockerConfigJson;
import io.github.imageassert.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials {@code docker login} left for a registry, looked up the way the docker CLI does: a
 * {@code credHelpers} entry for the host, else the {@code credsStore}, else the {@code auths} entry of
 * {@code config.json}.
 */
final class DockerCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(DockerCredentials.class);
    private static final long HELPER_TIMEOUT_SECONDS = 30;

    /** A user name and a password or token, and where they came from (for messages; never the secret). */
    record Credential(String username, String secret, String source) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "credentials of '" + username + "' from " + source;
        }
    }

    /** What was found for a host, and a sentence for messages saying what was looked at. */
    record Lookup(Optional<Credential> credential, String tried) {
    }

    private DockerCredentials() {
    }

    static Lookup forHost(String host, RegistrySettings settings) {
        Path file = settings.dockerConfig().resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return new Lookup(Optional.empty(), file + " (it does not exist)");
        }
        DockerConfigJson config;
        try {
            config = Json.mapper().readValue(file.toFile(), DockerConfigJson.class);
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Reason.UNAUTHORIZED, file + " is not a valid docker config file ("
                    + e.getMessage() + "); fix or delete it, or point DOCKER_CONFIG elsewhere.", e);
        }
        String helper = config.credHelpers().get(host);
        if (helper != null && !helper.isBlank()) {
            return fromHelper(helper, host, settings, "the credential helper docker-credential-" + helper + " (credHelpers in " + file + ")");
        }
        if (config.credsStore() != null && !config.credsStore().isBlank()) {
            return fromHelper(config.credsStore(), host, settings, "the credential store docker-credential-" + config.credsStore()
                    + " (credsStore in " + file + ")");
        }
        return fromAuths(config.auths(), host, file);
    }

    private static Lookup fromAuths(Map<String, DockerConfigJson.AuthEntry> auths, String host, Path file) {
        String tried = "the auths of " + file;
        for (Map.Entry<String, DockerConfigJson.AuthEntry> e : auths.entrySet()) {
            if (!hostOf(e.getKey()).equals(host) || e.getValue() == null) {
                continue;
            }
            DockerConfigJson.AuthEntry entry = e.getValue();
            if (entry.identityToken() != null && !entry.identityToken().isEmpty()) {
                throw new RegistryException(RegistryException.Reason.UNAUTHORIZED, tried + " holds an identity token for "
                        + host + " (an OAuth2 refresh token); image-assert reads user names with passwords or access "
                        + "tokens only. Log in with `docker login " + host + " -u USER` and a password or access token.");
            }
            if (entry.auth() != null && !entry.auth().isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(entry.auth().strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException bad) {
                    throw new RegistryException(RegistryException.Reason.UNAUTHORIZED, "The auth entry for " + host + " in "
                            + file + " is not base64; run `docker login " + host + "` again.");
                }
                int colon = decoded.indexOf(':');
                if (colon <= 0) {
                    throw new RegistryException(RegistryException.Reason.UNAUTHORIZED, "The auth entry for " + host + " in "
                            + file + " is not user:password; run `docker login " + host + "` again.");
                }
                return new Lookup(Optional.of(new Credential(decoded.substring(0, colon), decoded.substring(colon + 1), tried)), tried);
            }
            if (entry.username() != null && entry.password() != null) {
                return new Lookup(Optional.of(new Credential(entry.username(), entry.password(), tried)), tried);
            }
        }
        return new Lookup(Optional.empty(), tried + " (no entry for " + host + ")");
    }

    /** {@code https://host:5000/v1/} and {@code host:5000} are the same registry. */
    static String hostOf(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        return slash < 0 ? k : k.substring(0, slash);
    }

    /**
     * Runs {@code docker-credential-NAME get} with the host on stdin, as the docker CLI does. Its output holds a
     * secret: it is never quoted in a message or a log, and its stderr is not mixed in.
     */
    private static Lookup fromHelper(String name, String host, RegistrySettings settings, String tried) {
        String program = "docker-credential-" + name;
        Process process;
        try {
            process = new ProcessBuilder(onPath(program, settings.environment().get("PATH")), "get")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Reason.UNAUTHORIZED, "config.json names " + tried + ", but "
                    + program + " cannot be run (" + e.getMessage() + "). Install it on the PATH, or remove the entry.", e);
        }
        // read on another thread: a helper waiting for a locked keychain never closes its output
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream stdout = process.getInputStream()) {
                return stdout.readNBytes(64 * 1024);
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try (OutputStream in = process.getOutputStream()) {
            in.write(host.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("{} closed its input early", program, e);
        }
        byte[] out;
        try {
            if (!process.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new java.util.concurrent.TimeoutException();
            }
            out = output.get(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new RegistryException(RegistryException.Reason.UNAUTHORIZED, program + " get did not answer in "
                    + HELPER_TIMEOUT_SECONDS + " s (a locked keychain waiting for a password?).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new RegistryException(RegistryException.Reason.UNAUTHORIZED, "Interrupted while " + program + " ran", e);
        }
        String text = new String(out, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            // the protocol's answer for "no credentials for this host"; anything else is worth a line in the log
            if (!text.toLowerCase(Locale.ROOT).contains("credentials not found")) {
                LOG.warn("{} get {} failed (exit {})", program, host, process.exitValue());
            }
            return new Lookup(Optional.empty(), tried + " (no credentials for " + host + ")");
        }
        DockerConfigJson.HelperAnswer answer;
        try {
            answer = Json.mapper().readValue(text, DockerConfigJson.HelperAnswer.class);
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Reason.UNAUTHORIZED, program + " get answered " + text.length()
                    + " characters that are not the credential helpers' JSON ({\"Username\": …, \"Secret\": …}).");
        }
        if (answer == null || answer.secret() == null || answer.secret().isEmpty()) {
            return new Lookup(Optional.empty(), tried + " (no secret for " + host + ")");
        }
        if ("<token>".equals(answer.username())) {
            throw new RegistryException(RegistryException.Reason.UNAUTHORIZED, tried + " gave an identity token for "
                    + host + " (an OAuth2 refresh token); image-assert reads user names with passwords or access tokens only.");
        }
        return new Lookup(Optional.of(new Credential(answer.username(), answer.secret(), tried)), tried);
    }

    /** The program as found on {@code path} (the settings' PATH, which tests may set), else its bare name. */
    private static String onPath(String program, String path) {
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return program;
    }

}
