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
    /** A plain-HTTP server may never answer a TLS hello (the JDK's own does not); the probe waits this long at most. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final long MAX_RETRY_AFTER_SECONDS = 30;
    /** Which scheme each host turned out to speak; loopback registries are often plain HTTP. */
    private static final Map<String, String> SCHEMES = new ConcurrentHashMap<>();
    private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();

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
            if (r.status() == 401) {
                r.close();
                if (challenges++ < 2 && auth.answer(r.header("WWW-Authenticate").orElse(null), scope, authorization, this)) {
                    continue;
                }
                throw auth.unauthorized(what);
            }
            if (r.status() == 403) {
                r.close();
                throw auth.denied(what);
            }
            if (r.status() == 429 || r.status() >= 500) {
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
                if ((r.status() != 429 && r.status() < 500) || failures >= settings.retries()) {
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
                URI next = uri.resolve(location.get());
                if (!next.getHost().equalsIgnoreCase(uri.getHost()) || next.getPort() != uri.getPort()) {
                    authz = null; // blob storage signs its own URLs; our token is not for it
                }
                uri = next;
                continue;
            }
            return new Response(status, response.headers(), body, uri);
        }
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
        } catch (IOException e) {
            if (isTlsFailure(e) && !looksLikePlainHttp(e)) {
                return Optional.of("https");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            client.send(HttpRequest.newBuilder(URI.create("http://" + host + "/v2/")).GET().timeout(wait).build(),
                    HttpResponse.BodyHandlers.discarding());
            LOG.debug("{} speaks plain HTTP", host);
            return Optional.of("http");
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean isTlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private void pause(int failures, String retryAfter, String what, String why) {
        long millis = Math.min(MAX_BACKOFF_MILLIS, 250L << Math.min(failures - 1, 10));
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
