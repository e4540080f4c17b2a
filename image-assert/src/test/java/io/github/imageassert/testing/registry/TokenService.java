package io.github.imageassert.testing.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A minimal Docker token server (distribution's "token" auth) on the JDK's HttpServer, so clients can be
 * tested against real bearer challenges: {@code GET /token?service=S&scope=repository:NAME:pull,push}.
 *
 * <p>Tokens are RS256 JWTs whose header carries the signing certificate as {@code x5c}; the registry checks
 * that chain against {@link #rootCertBundle()}, then issuer, audience (= service) and exp/nbf, each with
 * 60 s of leeway. So a short {@link Builder#lifetime} makes clients refresh, but the registry keeps
 * accepting an expired token for another minute.
 */
public final class TokenService implements AutoCloseable {

    public static final String SERVICE = "image-assert-test-registry";
    public static final String ISSUER = "image-assert-test-token-issuer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path dir;
    private final PrivateKey key;
    private final String x5c;
    private final String user;
    private final String password;
    private final boolean anonymousPull;
    private final Duration lifetime;
    private final Map<String, AtomicInteger> issuedPerScope = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();

    public static final class Builder {
        private String user;
        private String password;
        private boolean anonymousPull;
        private Duration lifetime = Duration.ofMinutes(5);

        /** The one account; it gets pull and push on every repository. Without it, nobody can push. */
        public Builder user(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Whether requests without credentials get pull (otherwise their tokens grant nothing). */
        public Builder anonymousPull(boolean allowed) {
            this.anonymousPull = allowed;
            return this;
        }

        /** The tokens' {@code expires_in} and exp - iat. */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public TokenService start() {
            return new TokenService(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private TokenService(Builder b) {
        this.user = b.user;
        this.password = b.password;
        this.anonymousPull = b.anonymousPull;
        this.lifetime = b.lifetime;
        String openssl = Tools.require("openssl", "openssl");
        this.dir = Tools.tempDir("image-assert-token");
        try {
            Tools.run(Duration.ofSeconds(60), openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=image-assert test token signer", "-keyout", dir.resolve("signer.key").toString(),
                    "-out", rootCertBundle().toString());
            this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(dir.resolve("signer.key"))));
            try (InputStream in = Files.newInputStream(rootCertBundle())) {
                byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
                this.x5c = Base64.getEncoder().encodeToString(der); // x5c is standard base64, not base64url
            }
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            Tools.deleteQuietly(dir);
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            Tools.deleteQuietly(dir);
            throw new IllegalStateException("cannot load the token signing key made by openssl", e);
        }
        this.executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/token", this::handle);
        server.start();
    }

    /** The realm to put in the registry config and challenges: {@code http://127.0.0.1:PORT/token}. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The signing certificate, which is the registry's {@code rootcertbundle}. */
    public Path rootCertBundle() {
        return dir.resolve("signer.pem");
    }

    /** {@code user:password}, if an account is configured. */
    public Optional<String> credentials() {
        return user == null ? Optional.empty() : Optional.of(user + ":" + password);
    }

    /** Tokens issued so far whose request named this exact scope (e.g. {@code repository:a/b:pull}). */
    public int tokensIssued(String scope) {
        AtomicInteger n = issuedPerScope.get(scope);
        return n == null ? 0 : n.get();
    }

    /** All tokens issued so far. */
    public int tokensIssued() {
        return issued.get();
    }

    /** A snapshot of tokens issued per requested scope. */
    public Map<String, Integer> tokensIssuedPerScope() {
        Map<String, Integer> copy = new TreeMap<>();
        issuedPerScope.forEach((scope, n) -> copy.put(scope, n.get()));
        return copy;
    }

    /** A signed token granting exactly these scopes to {@code subject}, without counting it (for negative tests). */
    public String mint(String subject, List<String> scopes, Duration validFor) {
        Instant now = Instant.now();
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(x5c);
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", subject).put("aud", SERVICE)
                .put("exp", now.plus(validFor).getEpochSecond()).put("nbf", now.getEpochSecond())
                .put("iat", now.getEpochSecond()).put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        for (String scope : scopes) {
            // repository:NAME:ACTIONS; NAME never holds ':' in these tests, but a registry host:port would.
            int last = scope.lastIndexOf(':');
            int first = scope.indexOf(':');
            if (first < 0 || last == first) {
                continue;
            }
            ObjectNode entry = access.addObject().put("type", scope.substring(0, first)).put("name", scope.substring(first + 1, last));
            ArrayNode actions = entry.putArray("actions");
            for (String action : scope.substring(last + 1).split(",")) {
                if (!action.isEmpty()) {
                    actions.add(action);
                }
            }
        }
        try {
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String signingInput = url.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + url.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(rs256.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                // Clients that try the OAuth2 POST first fall back to GET on 404/405.
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String subject = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (subject == null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + realm() + "\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            List<String> granted = new ArrayList<>();
            for (String scope : queryValues(exchange.getRequestURI().getRawQuery(), "scope")) {
                if (scope.lastIndexOf(':') < 0) {
                    continue;
                }
                issuedPerScope.computeIfAbsent(scope, s -> new AtomicInteger()).incrementAndGet();
                String allowed = subject.isEmpty() ? (anonymousPull ? "pull" : "") : "pull,push,delete,*";
                granted.add(scope.substring(0, scope.lastIndexOf(':') + 1) + intersect(scope.substring(scope.lastIndexOf(':') + 1), allowed));
            }
            issued.incrementAndGet();
            String token = mint(subject, granted, lifetime);
            ObjectNode body = JSON.createObjectNode().put("token", token).put("access_token", token)
                    .put("expires_in", lifetime.toSeconds()).put("issued_at", Instant.now().toString());
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    /** "" for anonymous, the user for good credentials, null for bad ones (answered 401, as a real server does). */
    private String authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "";
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            return user != null && decoded.equals(user + ":" + password) ? user : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String intersect(String requested, String allowed) {
        List<String> allowedList = List.of(allowed.split(","));
        return Arrays.stream(requested.split(",")).filter(allowedList::contains).collect(Collectors.joining(","));
    }

    private static List<String> queryValues(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    // Some clients send several scopes space-separated in one parameter instead of repeating it.
                    for (String value : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).split(" ")) {
                        if (!value.isBlank()) {
                            values.add(value);
                        }
                    }
                }
            }
        }
        return values;
    }

    private static byte[] pemBody(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        Tools.deleteQuietly(dir);
    }
}
