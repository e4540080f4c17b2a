package io.github.imageassert.internal.registry;

import io.github.imageassert.image.RegistryException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET requests to one registry: HTTPS (plain HTTP only where {@link RegistrySettings#mayUsePlainHttp} allows and
 * the server speaks nothing else), answers to auth challenges, bounded retries with backoff for 429, 5xx and lost
 * connections, redirects followed by hand so credentials never go to another host (blob storage behind a
 * redirect gets none).
 */
final class RegistryHttp {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);
    private static final int MAX_REDIRECTS = 5;
    /** The answers worth another attempt, as go-containerregistry's transport retries them. */
    private static final java.util.Set<Integer> RETRIED = java.util.Set.of(408, 429, 500, 502, 503, 504);
    /** A plain-HTTP server may never answer a TLS hello (the JDK's own does not); the probe waits this long at most. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final long MAX_RETRY_AFTER_SECONDS = 30;
    /** Which scheme each host turned out to speak; loopback registries are often plain HTTP. */
    private static final Map<String, String> SCHEMES = new ConcurrentHashMap<>();
    private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();
    /** The JDK client's read buffer; its 16 KiB default held a loopback layer download to a third of curl's speed. */
    static final String BUFFER_PROPERTY = "jdk.httpclient.bufsize";
    static final int BUFFER = 256 * 1024;

    static {
        // read once, when the JDK's client classes load; a value the user set wins
        if (System.getProperty(BUFFER_PROPERTY) == null) {
            System.setProperty(BUFFER_PROPERTY, String.valueOf(BUFFER));
        }
    }

    /** An answer whose body has not been read yet; close it when done. */
    record Response(int status, HttpHeaders headers, BodyStream body, URI uri) implements AutoCloseable {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The whole body, refusing more than {@code max} bytes. */
        byte[] readAll(int max, String what) throws IOException {
            byte[] bytes = body.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new IOException(what + " is longer than " + max + " bytes");
            }
            return bytes;
        }

        @Override
        public void close() {
            body.close();
        }
    }

    private final String host;
    private final RegistrySettings settings;
    private final RegistryAuth auth;
    private final HttpClient client;

    RegistryHttp(String host, RegistrySettings settings) {
        this.host = host;
        this.settings = settings;
        this.auth = new RegistryAuth(host, settings);
        this.client = CLIENTS.computeIfAbsent(host + "|" + settings.timeout() + "|" + settings.extraCas(), k -> newClient());
    }

    private HttpClient newClient() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout());
        SSLContext tls = RegistryTls.contextFor(host, settings);
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    String host() {
        return host;
    }

    /** Whether this registry is spoken to over HTTPS. */
    boolean speaksTls() {
        return "https".equals(scheme());
    }

    /** A URL a registry names (a token realm), resolved against the registry's own when relative. */
    URI resolve(String url, String what) {
        try {
            URI resolved = URI.create(scheme() + "://" + host + "/").resolve(url.strip());
            if (resolved.getHost() == null || !resolved.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return resolved;
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, host + " names " + what + " '" + url
                    + "', which is not an http(s) URL.", e);
        }
    }

    RegistryAuth auth() {
        return auth;
    }

    /**
     * GET {@code path} (e.g. {@code /v2/app/manifests/1.0}) with authorization for {@code scope}. Returns any answer
     * but 401/403 and those worth retrying; the caller reads 200s and explains 404s.
     */
    Response get(String path, String accept, String scope, String what) {
        int failures = 0;
        int challenges = 0;
        while (true) {
            String authorization = auth.header(scope);
            Response r;
            try {
                r = exchange(URI.create(scheme() + "://" + host + path), accept, authorization, what);
            } catch (RetryableException e) {
                if (failures++ >= settings.retries()) {
                    throw new RegistryException(RegistryException.Reason.UNAVAILABLE, host + " could not be reached for "
                            + what + " (" + e.getMessage() + ")" + retried(failures - 1)
                            + ". Is the registry up and the address right?", e);
                }
                pause(failures, null, what, e.getMessage());
                continue;
            }
            boolean fromRegistry = r.uri().getRawAuthority().equalsIgnoreCase(host);
            if ((r.status() == 401 || r.status() == 403) && !fromRegistry) {
                // blob storage behind a redirect refusing its signed URL: never answer its challenge with our credentials
                r.close();
                throw new RegistryException(RegistryException.Reason.PROTOCOL, host + " redirected " + what + " to "
                        + r.uri().getRawAuthority() + ", which answered " + r.status() + ". The registry's storage refused "
                        + "its own signed URL; try again, or ask the registry's operators.");
            }
            if (r.status() == 401) {
                r.close();
                List<String> header = r.headers().allValues("WWW-Authenticate");
                if (challenges++ < 2 && auth.answer(header, scope, authorization, this)) {
                    continue;
                }
                throw auth.unauthorized(what, header);
            }
            if (r.status() == 403) {
                r.close();
                throw auth.denied(what);
            }
            if (RETRIED.contains(r.status())) {
                r.close();
                String status = r.status() == 429 ? "429 Too Many Requests" : String.valueOf(r.status());
                if (failures++ >= settings.retries()) {
                    throw new RegistryException(RegistryException.Reason.UNAVAILABLE, host + " answered " + status + " to "
                            + what + retried(failures - 1) + ". Try again later"
                            + (r.status() == 429 ? ", or log in: registries allow logged-in users more pulls." : "."));
                }
                pause(failures, r.header("Retry-After").orElse(null), what, status);
                continue;
            }
            return r;
        }
    }

    /** A GET to a URL outside the registry's API (a token realm), with the same retries. */
    Response getAbsolute(URI uri, String authorization, String what) {
        for (int failures = 0; ; failures++) {
            try {
                Response r = exchange(uri, null, authorization, what);
                if (!RETRIED.contains(r.status()) || failures >= settings.retries()) {
                    return r;
                }
                r.close();
                pause(failures + 1, r.header("Retry-After").orElse(null), what, String.valueOf(r.status()));
            } catch (RetryableException e) {
                if (failures >= settings.retries()) {
                    throw new RegistryException(RegistryException.Reason.UNAVAILABLE, uri.getHost() + " could not be reached for "
                            + what + " (" + e.getMessage() + ")" + retried(failures) + ".", e);
                }
                pause(failures + 1, null, what, e.getMessage());
            }
        }
    }

    private Response exchange(URI start, String accept, String authorization, String what) throws RetryableException {
        URI uri = start;
        String authz = authorization;
        for (int redirects = 0; ; redirects++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(settings.timeout())
                    .header("User-Agent", "image-assert");
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (authz != null) {
                request.header("Authorization", authz);
            }
            HttpResponse<java.util.concurrent.Flow.Publisher<java.util.List<java.nio.ByteBuffer>>> response = send(request.build(), what);
            BodyStream body = new BodyStream(settings.timeout());
            response.body().subscribe(body);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                body.close();
                if (redirects >= MAX_REDIRECTS) {
                    throw new RegistryException(RegistryException.Reason.PROTOCOL, host + " redirected " + what + " more than "
                            + MAX_REDIRECTS + " times (last to " + uri.getHost() + ").");
                }
                URI next = redirectTarget(uri, location.get(), what);
                if (!sameOrigin(uri, next)) {
                    authz = null; // blob storage signs its own URLs; our token is not for it
                }
                uri = next;
                continue;
            }
            return new Response(status, response.headers(), body, uri);
        }
    }

    /** Where a redirect leads: http(s) with a host, and never from HTTPS down to plain HTTP. */
    private URI redirectTarget(URI from, String location, String what) {
        URI next;
        try {
            next = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, host + " redirected " + what
                    + " to something that is not a URL.", e);
        }
        if (next.getHost() == null || !("https".equals(next.getScheme()) || "http".equals(next.getScheme()))
                || "https".equals(from.getScheme()) && "http".equals(next.getScheme())) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, host + " redirected " + what + " to "
                    + next.getScheme() + "://" + next.getHost() + ", which image-assert does not follow (only http(s), "
                    + "never from HTTPS down to plain HTTP).");
        }
        return next;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private HttpResponse<java.util.concurrent.Flow.Publisher<java.util.List<java.nio.ByteBuffer>>> send(HttpRequest request,
                                                                                                         String what)
            throws RetryableException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpTimeoutException e) {
            throw new RegistryException(RegistryException.Reason.TIMEOUT, request.uri().getAuthority() + " did not answer " + what
                    + " within " + settings.timeout().toSeconds() + " s. Raise " + RegistrySettings.TIMEOUT
                    + " (seconds) for a slow registry.", e);
        } catch (ConnectException e) {
            if (causedBy(e, java.nio.channels.UnresolvedAddressException.class)) {
                throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "The registry host "
                        + request.uri().getHost() + " is unknown (no DNS answer) for " + what + ". Check the reference.", e);
            }
            throw new RetryableException("connection refused", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "Interrupted while asking " + host + " for " + what, e);
        } catch (InterruptedIOException e) {
            throw new RegistryException(RegistryException.Reason.TIMEOUT, host + " did not answer " + what + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (isTlsFailure(e)) {
                throw new RegistryException(RegistryException.Reason.TLS, "TLS with " + request.uri().getAuthority()
                        + " failed for " + what + ": " + e.getMessage() + ". For a registry with a private CA, trust it "
                        + "with -D" + RegistrySettings.CA + "=/path/ca.pem (or /etc/docker/certs.d/" + host + "/ca.crt, as "
                        + "docker does); for a registry that speaks plain HTTP, list it in -D" + RegistrySettings.INSECURE
                        + "=" + host + ".", e);
            }
            throw new RetryableException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /** What the JDK says when a TLS hello is answered by a plain-HTTP server (the wording varies by JDK). */
    private static boolean looksLikePlainHttp(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("plaintext connection") || m.contains("nsupported or unrecognized SSL message")) {
                return true;
            }
        }
        return false;
    }

    private String scheme() {
        String known = SCHEMES.get(host);
        if (known != null) {
            return known;
        }
        if (!settings.mayUsePlainHttp(host)) {
            return "https";
        }
        Optional<String> probed = probe();
        probed.ifPresent(scheme -> SCHEMES.put(host, scheme));
        return probed.orElse("https");
    }

    /**
     * For a host that may speak plain HTTP (loopback, or listed insecure), which scheme it speaks, asked the way
     * go-containerregistry pings: {@code /v2/} over HTTPS, then over HTTP. A TLS failure that is not a plain-HTTP
     * answer (an untrusted certificate) keeps HTTPS, so that the request reports it. Empty when neither answered.
     */
    private Optional<String> probe() {
        Duration wait = settings.timeout().compareTo(PROBE_TIMEOUT) < 0 ? settings.timeout() : PROBE_TIMEOUT;
        try {
            client.send(HttpRequest.newBuilder(URI.create("https://" + host + "/v2/")).GET().timeout(wait).build(),
                    HttpResponse.BodyHandlers.discarding());
            return Optional.of("https");
        } catch (HttpTimeoutException e) {
            LOG.debug("{} did not finish a TLS handshake in {}; trying plain HTTP", host, wait);
        } catch (IOException e) {
            if (!looksLikePlainHttp(e)) {
                return isTlsFailure(e) ? Optional.of("https") : Optional.empty(); // the request will say what is wrong
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            int status = client.send(HttpRequest.newBuilder(URI.create("http://" + host + "/v2/")).GET().timeout(wait).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            // what a registry answers its ping with; a TLS server's "plain HTTP sent to HTTPS" is a 400
            if (status == 200 || status == 401) {
                LOG.debug("{} speaks plain HTTP", host);
                return Optional.of("http");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean isTlsFailure(Throwable e) {
        return causedBy(e, SSLException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void pause(int failures, String retryAfter, String what, String why) {
        long base = Math.min(MAX_BACKOFF_MILLIS, 250L << Math.min(failures - 1, 10));
        // jitter, so that the forks of a test run that failed together do not retry together
        long millis = base / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 2 + 1);
        if (retryAfter != null) {
            try {
                millis = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Long.parseLong(retryAfter.strip()))) * 1000;
            } catch (NumberFormatException e) {
                LOG.debug("Retry-After '{}' is not in seconds; backing off {} ms", retryAfter, millis);
            }
        }
        LOG.info("{}: {} for {}; retry {} of {} in {} ms", host, why, what, failures, settings.retries(), millis);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "Interrupted while waiting to retry " + what, e);
        }
    }

    private static String retried(int failures) {
        return failures == 0 ? "" : " (after " + failures + (failures == 1 ? " retry" : " retries") + ")";
    }

    /** A failure another attempt may cure. */
    static final class RetryableException extends Exception {
        RetryableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
