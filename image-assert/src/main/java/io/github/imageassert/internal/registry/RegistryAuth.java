package io.github.imageassert.internal.registry;

import io.github.imageassert.image.RegistryException;
import io.github.imageassert.internal.json.Json;
import io.github.imageassert.internal.json.RegistryJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a registry's challenges: anonymous first; Basic with the docker login's credentials when the registry
 * asks for Basic; for Bearer, a token from the realm it names (with the credentials when there are any), kept per
 * registry, user and scope for the JVM's life and fetched again when it expires or the registry refuses it.
 */
final class RegistryAuth {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryAuth.class);
    /** Shared by every image of a test run: one token per repository, not one per image. */
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    private static final long DEFAULT_TOKEN_SECONDS = 60;

    private record Token(String value, Instant expires) {
        boolean fresh() {
            return Instant.now().isBefore(expires);
        }
    }

    private final String host;
    private final RegistrySettings settings;
    private volatile DockerCredentials.Lookup lookup;
    private volatile boolean basic;

    RegistryAuth(String host, RegistrySettings settings) {
        this.host = host;
        this.settings = settings;
    }

    /** The Authorization header to send for {@code scope}, or null to go anonymous. */
    String header(String scope) {
        Token token = TOKENS.get(key(scope));
        if (token != null && token.fresh()) {
            return "Bearer " + token.value();
        }
        if (basic) {
            return credential().map(DockerCredentials.Credential::basic).orElse(null);
        }
        return null;
    }

    /**
     * Prepares the next attempt after a 401. False when another attempt cannot help: the credentials were already
     * sent and refused, or there are none.
     */
    boolean answer(String wwwAuthenticate, String scope, String sent, RegistryHttp http) {
        Optional<Challenge> challenge = Challenge.parse(wwwAuthenticate);
        if (challenge.isEmpty()) {
            return false;
        }
        Challenge c = challenge.get();
        if (c.basic()) {
            if (basic && sent != null || credential().isEmpty()) {
                return false;
            }
            basic = true;
            return true;
        }
        if (!c.bearer() || c.param("realm") == null) {
            return false;
        }
        Token cached = TOKENS.get(key(scope));
        if (cached != null && sent != null && sent.equals("Bearer " + cached.value())) {
            TOKENS.remove(key(scope), cached);
            if (Instant.now().isBefore(cached.expires().minusSeconds(DEFAULT_TOKEN_SECONDS / 2))) {
                return false; // a token this fresh was refused: it grants too little, a new one would too
            }
        }
        TOKENS.put(key(scope), fetchToken(c, scope, http));
        return true;
    }

    private Token fetchToken(Challenge c, String scope, RegistryHttp http) {
        String realm = c.param("realm");
        StringBuilder query = new StringBuilder();
        if (c.param("service") != null) {
            query.append("service=").append(URLEncoder.encode(c.param("service"), StandardCharsets.UTF_8));
        }
        String wanted = c.param("scope") != null ? c.param("scope") : scope;
        for (String s : wanted.split(" ")) {
            query.append(query.length() == 0 ? "" : "&").append("scope=").append(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        URI uri;
        try {
            uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, host + " names the token realm '" + realm
                    + "', which is not a URL.", e);
        }
        Optional<DockerCredentials.Credential> credential = credential();
        try (RegistryHttp.Response r = http.getAbsolute(uri, credential.map(DockerCredentials.Credential::basic).orElse(null),
                "a token for " + wanted)) {
            if (r.status() == 401 || r.status() == 403) {
                throw unauthorizedAtTokenService(uri, r.status(), credential);
            }
            if (r.status() != 200) {
                throw new RegistryException(RegistryException.Reason.PROTOCOL, "The token service " + withoutQuery(uri)
                        + " of " + host + " answered " + r.status() + " for " + wanted + ".");
            }
            RegistryJson.Token token = Json.mapper().readValue(r.readAll(64 * 1024, "a token"), RegistryJson.Token.class);
            if (token == null || token.value() == null || token.value().isEmpty()) {
                throw new RegistryException(RegistryException.Reason.PROTOCOL, "The token service " + withoutQuery(uri)
                        + " answered without a token.");
            }
            long seconds = token.expiresIn() == null || token.expiresIn() <= 0 ? DEFAULT_TOKEN_SECONDS : token.expiresIn();
            LOG.debug("Token for {} on {} from {} ({} s)", wanted, host, withoutQuery(uri), seconds);
            // a little before the service's own deadline, so a token does not expire in flight
            return new Token(token.value(), Instant.now().plusSeconds(seconds - Math.min(10, seconds / 10)));
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, "Reading the token from " + withoutQuery(uri)
                    + ": " + e.getMessage(), e);
        }
    }

    private RegistryException unauthorizedAtTokenService(URI uri, int status, Optional<DockerCredentials.Credential> credential) {
        String who = credential.map(c -> "It refused the " + c + ".").orElse("It refused anonymous access; looked for "
                + "credentials in " + lookup().tried() + ".");
        return new RegistryException(RegistryException.Reason.UNAUTHORIZED, "The token service " + withoutQuery(uri) + " of "
                + host + " answered " + status + ". " + who + " Log in with `docker login " + host + "`.");
    }

    /** The error when the registry still answers 401 after every answer to its challenges. */
    RegistryException unauthorized(String what) {
        Optional<DockerCredentials.Credential> credential = credential();
        String detail = credential.isPresent()
                ? "it refused the " + credential.get() + ". Log in again with `docker login " + host + "`"
                : "it needs credentials and none were found: looked in " + lookup().tried() + ". Log in with `docker login "
                + host + "` (or set DOCKER_CONFIG to the directory whose config.json has them)";
        return new RegistryException(RegistryException.Reason.UNAUTHORIZED, host + " answered 401 Unauthorized to " + what
                + ": " + detail + ".");
    }

    RegistryException denied(String what) {
        String who = credential().map(c -> "the " + c).orElse("anonymous access");
        return new RegistryException(RegistryException.Reason.DENIED, host + " answered 403 Forbidden to " + what + ": "
                + who + " may not pull it. Ask for pull access to the repository, or log in as another user.");
    }

    private Optional<DockerCredentials.Credential> credential() {
        return lookup().credential();
    }

    private DockerCredentials.Lookup lookup() {
        DockerCredentials.Lookup l = lookup;
        if (l == null) {
            l = DockerCredentials.forHost(host, settings);
            lookup = l;
        }
        return l;
    }

    private String key(String scope) {
        return host + "|" + settings.dockerConfig() + "|" + scope;
    }

    private static String withoutQuery(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    /** For tests: forget every token, as a new JVM would. */
    static void forgetTokens() {
        TOKENS.clear();
    }
}
