package io.github.imageassert.internal.registry;

import io.github.imageassert.image.RegistryException;
import io.github.imageassert.internal.json.Json;
import io.github.imageassert.internal.json.RegistryJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a registry's challenges: anonymous first; Basic with the docker login's credentials when the registry
 * asks for Basic; for Bearer, a token from the realm it names (with the credentials when there are any), kept per
 * registry, docker config directory and scope for the JVM's life, and fetched again when it expires or the registry
 * refuses it.
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
     * Prepares the next attempt after a 401 whose {@code WWW-Authenticate} headers are {@code challenges}. False when
     * another attempt cannot help: the credentials were already sent and refused, or there are none.
     */
    boolean answer(List<String> challenges, String scope, String sent, RegistryHttp http) {
        Optional<Challenge> chosen = Challenge.choose(challenges);
        if (chosen.isEmpty()) {
            return false;
        }
        Challenge c = chosen.get();
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
            TOKENS.remove(key(scope), cached); // refused: revoked, or issued for less than this request needs
        }
        TOKENS.put(key(scope), fetchToken(c, scope, http));
        return true;
    }

    private Token fetchToken(Challenge c, String scope, RegistryHttp http) {
        URI realmUri = http.resolve(c.param("realm"), "the token realm");
        String realm = realmUri.toString();
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
        if (credential.isPresent() && "http".equals(uri.getScheme()) && http.speaksTls()) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, host + " names the token realm " + withoutQuery(uri)
                    + ", plain HTTP, while it speaks HTTPS itself: image-assert does not send the " + credential.get()
                    + " in clear text. Ask the registry's operators to serve the realm over HTTPS.");
        }
        try (RegistryHttp.Response r = http.getAbsolute(uri, credential.map(DockerCredentials.Credential::basic).orElse(null),
                "a token for " + wanted)) {
            if (r.status() == 401 || r.status() == 403) {
                throw unauthorizedAtTokenService(uri, r.status(), credential);
            }
            if (r.status() != 200) {
                throw new RegistryException(r.status() >= 500 || r.status() == 429 ? RegistryException.Reason.UNAVAILABLE
                        : RegistryException.Reason.PROTOCOL, "The token service " + withoutQuery(uri)
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
    RegistryException unauthorized(String what, List<String> challenges) {
        Optional<DockerCredentials.Credential> credential = credential();
        boolean scope = Challenge.choose(challenges).map(c -> "insufficient_scope".equals(c.param("error"))).orElse(false);
        String detail = scope && credential.isPresent()
                ? "the repository does not exist, or the " + credential.get() + " may not pull it"
                : credential.isPresent()
                ? "it refused the " + credential.get() + ". Log in again with `docker login " + host + "`"
                : "it needs credentials and none were found: looked in " + lookup().tried() + ". Log in with `docker login "
                + host + "` (or set DOCKER_CONFIG to the directory whose config.json has them)"
                + (scope ? "; or the repository does not exist" : "");
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
