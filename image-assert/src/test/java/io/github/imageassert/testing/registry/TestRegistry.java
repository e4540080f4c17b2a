package io.github.imageassert.testing.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * A real registry (Debian's {@code docker-registry}, distribution 2.8) in a child process on a free loopback
 * port, with its own storage and log in a temp dir, so a test can read exactly what its client asked.
 *
 * <p>The log file holds distribution's logrus lines and, per request, one Apache combined-format access line:
 * {@code 127.0.0.1 - - [30/Nov/2026:07:31:07 +0000] "GET /v2/ HTTP/1.1" 200 2 "" "curl/7.88.1"}. The access
 * line is written when the handler returns, which can be just after the client has read the whole answer:
 * use {@link #awaitAccessLog} rather than reading the log right after a request.
 */
public final class TestRegistry implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** Apache combined format: host ident user [time] "request" status bytes "referer" "agent". */
    private static final Pattern ACCESS_LINE = Pattern.compile("^\\S+ \\S+ \\S+ \\[[^]]+] \"([^\"]*)\" (\\d{3}) .*");

    private final Path dir;
    private final Process process;
    private final int port;
    private final TestCa ca;
    private final String credentials;

    public static final class Builder {
        private TestCa ca;
        private String user;
        private String password;
        private TokenService tokenService;

        /** No authentication (the default); combine with {@link #tls} or not. */
        public Builder anonymous() {
            this.user = null;
            this.tokenService = null;
            return this;
        }

        /** HTTPS with a certificate for 127.0.0.1/localhost issued by {@code ca}. */
        public Builder tls(TestCa ca) {
            this.ca = ca;
            return this;
        }

        /** HTTP Basic auth against an htpasswd file with this one account. Works over plain HTTP too. */
        public Builder htpasswd(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Bearer tokens from {@code service} (distribution's {@code auth: token}). */
        public Builder tokenAuth(TokenService service) {
            this.tokenService = service;
            return this;
        }

        public TestRegistry start() {
            if (user != null && tokenService != null) {
                throw new IllegalStateException("distribution takes one auth method: htpasswd or token, not both");
            }
            String binary = Tools.require("docker-registry", "docker-registry");
            // A free port may be taken between our probe and the registry's bind; a couple of tries cover it.
            for (int attempt = 1; ; attempt++) {
                try {
                    return new TestRegistry(this, binary);
                } catch (IllegalStateException e) {
                    if (attempt == 3 || !String.valueOf(e.getMessage()).contains("address already in use")) {
                        throw e;
                    }
                }
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a plain-HTTP anonymous registry. */
    public static TestRegistry anonymous() {
        return builder().start();
    }

    private TestRegistry(Builder b, String binary) {
        this.dir = Tools.tempDir("image-assert-registry");
        this.port = Tools.freePort();
        this.ca = b.ca;
        this.credentials = b.user != null ? b.user + ":" + b.password
                : b.tokenService != null ? b.tokenService.credentials().orElse(null) : null;
        Path log = logFile();
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("config.yml"), config(b), StandardCharsets.UTF_8);
            this.process = new ProcessBuilder(binary, "serve", dir.resolve("config.yml").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
        } catch (IOException | RuntimeException e) { // e.g. openssl failing to issue the server certificate
            Tools.deleteQuietly(dir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        try {
            awaitReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String config(Builder b) throws IOException {
        StringBuilder yml = new StringBuilder("""
                version: 0.1
                log:
                  level: info
                  accesslog:
                    disabled: false
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                  maintenance:
                    uploadpurging:
                      enabled: false
                http:
                  addr: 127.0.0.1:%d
                  secret: %s
                """.formatted(dir.resolve("data"), port, UUID.randomUUID()));
        if (b.ca != null) {
            TestCa.ServerCert cert = b.ca.issueServerCert();
            yml.append("  tls:\n    certificate: ").append(cert.certPem()).append("\n    key: ").append(cert.keyPem()).append('\n');
        }
        if (b.user != null) {
            // Cost 4 (the minimum): the registry checks the hash on every request, and cost 10 adds ~60 ms each.
            Files.writeString(dir.resolve("htpasswd"), b.user + ":" + BCrypt.hashpw(b.password, BCrypt.gensalt(4)) + "\n");
            yml.append("auth:\n  htpasswd:\n    realm: image-assert-test\n    path: ").append(dir.resolve("htpasswd")).append('\n');
        }
        if (b.tokenService != null) {
            yml.append("auth:\n  token:\n    realm: ").append(b.tokenService.realm())
                    .append("\n    service: ").append(TokenService.SERVICE)
                    .append("\n    issuer: ").append(TokenService.ISSUER)
                    .append("\n    rootcertbundle: ").append(b.tokenService.rootCertBundle()).append('\n');
        }
        return yml.toString();
    }

    private void awaitReady() {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (ca != null) {
            client.sslContext(ca.sslContext());
        }
        HttpRequest ping = HttpRequest.newBuilder(url().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient http = client.build(); // not AutoCloseable before Java 21
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("docker-registry exited (" + process.exitValue() + ") on start:\n"
                            + Tools.tail(logFile(), 30));
                }
                try {
                    http.send(ping, HttpResponse.BodyHandlers.discarding()); // 200 or 401: it is serving
                    return;
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for docker-registry", e);
        }
        throw new IllegalStateException("docker-registry did not answer on " + url() + " within " + START_TIMEOUT
                + ":\n" + Tools.tail(logFile(), 30));
    }

    /** {@code 127.0.0.1:PORT}, the host part of image references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:PORT} or {@code https://…}. */
    public URI url() {
        return URI.create((ca != null ? "https://" : "http://") + host());
    }

    /** The CA that signed the server certificate, when serving HTTPS. */
    public Optional<TestCa> ca() {
        return Optional.ofNullable(ca);
    }

    /** {@code user:password} a client needs (htpasswd account, or the token service's account), if any. */
    public Optional<String> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** The registry's stdout and stderr. */
    public Path logFile() {
        return dir.resolve("registry.log");
    }

    /** The access-log lines written so far, oldest first. */
    public List<String> accessLog() {
        try {
            return Files.readAllLines(logFile(), StandardCharsets.UTF_8).stream()
                    .filter(l -> ACCESS_LINE.matcher(l).matches()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The access log once a line matches {@code until}; fails after {@code timeout}. */
    public List<String> awaitAccessLog(Predicate<String> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (List<String> lines = accessLog(); ; lines = accessLog()) {
            if (lines.stream().anyMatch(until)) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching access-log line within " + timeout + "; log:\n" + String.join("\n", lines));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Request lines ({@code GET /v2/REPO/blobs/sha256:… HTTP/1.1}) of the blob GETs of {@code repository}, any status. */
    public List<String> blobGets(String repository) {
        String prefix = "GET /v2/" + repository + "/blobs/";
        return accessLog().stream().map(TestRegistry::requestLine).filter(r -> r.startsWith(prefix)).toList();
    }

    /** The quoted request part of an access-log line. */
    public static String requestLine(String accessLine) {
        Matcher m = ACCESS_LINE.matcher(accessLine);
        return m.matches() ? m.group(1) : "";
    }

    /** The HTTP status of an access-log line. */
    public static int status(String accessLine) {
        Matcher m = ACCESS_LINE.matcher(accessLine);
        return m.matches() ? Integer.parseInt(m.group(2)) : -1;
    }

    /** Stops the registry and deletes its storage and log. */
    @Override
    public void close() {
        process.destroy(); // SIGTERM; the registry has nothing to flush that a test would miss
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Tools.deleteQuietly(dir);
    }
}
