package io.github.imageassert.testing.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A plain-HTTP reverse proxy in front of a {@link TestRegistry} that relays everything (bodies streamed, never
 * buffered) and injects faults into the requests whose path matches: a status, a delay, a body cut short, a
 * flipped byte. Faults are installed with {@code proxy.on(path -> …).times(1).status(503)}.
 */
public final class FaultProxy implements AutoCloseable {

    /** Hop-by-hop headers and those the JDK client sets itself (it refuses Host, Content-Length, …). */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-authorization", "proxy-connection", "date");

    private enum Kind { STATUS, DELAY, TRUNCATE, FLIP }

    /** An installed fault; {@link #fired()} tells how often it changed an answer. */
    public static final class Fault {
        private final Predicate<String> path;
        private final AtomicInteger remaining;
        private final AtomicInteger fired = new AtomicInteger();
        private final Kind kind;
        private final long amount;
        private final String[] headers;

        private Fault(Predicate<String> path, int times, Kind kind, long amount, String[] headers) {
            this.path = path;
            this.remaining = new AtomicInteger(times);
            this.kind = kind;
            this.amount = amount;
            this.headers = headers;
        }

        /** Claims one use of this fault if the path matches and uses are left (negative = unlimited). */
        private boolean claim(String p) {
            if (!path.test(p)) {
                return false;
            }
            int left = remaining.getAndUpdate(n -> n > 0 ? n - 1 : n);
            if (left == 0) {
                return false;
            }
            fired.incrementAndGet();
            return true;
        }

        public int fired() {
            return fired.get();
        }
    }

    /** Chooses how often a fault applies, then which one (the terminal call installs it). */
    public final class Rule {
        private final Predicate<String> path;
        private int times = -1;

        private Rule(Predicate<String> path) {
            this.path = path;
        }

        /** Only the next {@code n} matching requests (default: all of them). */
        public Rule times(int n) {
            this.times = n;
            return this;
        }

        public Rule always() {
            this.times = -1;
            return this;
        }

        /** Answers {@code status} without asking the registry; {@code headers} are name, value pairs (e.g. Retry-After, 1). */
        public Fault status(int status, String... headers) {
            return install(Kind.STATUS, status, headers);
        }

        /** Waits {@code delay} before forwarding. */
        public Fault delay(Duration delay) {
            return install(Kind.DELAY, delay.toMillis(), new String[0]);
        }

        /** Relays the upstream status and headers (full Content-Length), then only {@code bytes} of the body, then drops the connection. */
        public Fault truncateAfter(long bytes) {
            return install(Kind.TRUNCATE, bytes, new String[0]);
        }

        /** Relays the answer with the body byte at {@code offset} inverted (a body shorter than that is left intact). */
        public Fault flipByte(long offset) {
            return install(Kind.FLIP, offset, new String[0]);
        }

        private Fault install(Kind kind, long amount, String[] headers) {
            Fault fault = new Fault(path, times, kind, amount, headers);
            faults.add(fault);
            return fault;
        }
    }

    /** Thrown out of the handler on purpose: the JDK server then closes the connection mid-body. */
    private static final class CutConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    private FaultProxy(URI upstream, HttpClient client) {
        this.upstream = upstream;
        this.client = client;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor); // the default runs one exchange at a time: a delayed one would block all
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy forwarding to {@code registry} (over HTTPS trusting its CA if it serves TLS). */
    public static FaultProxy inFrontOf(TestRegistry registry) {
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        registry.ca().ifPresent(ca -> client.sslContext(ca.sslContext()));
        return new FaultProxy(registry.url(), client.build());
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public URI url() {
        return URI.create("http://" + host());
    }

    /** Starts a fault rule for requests whose raw path (no query) matches. */
    public Rule on(Predicate<String> path) {
        return new Rule(path);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Requests received so far for this raw path, faulted or not. */
    public int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    /** A snapshot of requests received per raw path. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((p, n) -> copy.put(p, n.get()));
        return copy;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.stream().filter(f -> f.claim(path)).findFirst().orElse(null);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        if (fault != null && fault.kind == Kind.STATUS) {
            answer(ex, (int) fault.amount, fault.headers, head);
            return;
        }
        try {
            if (fault != null && fault.kind == Kind.DELAY) {
                Thread.sleep(fault.amount);
            }
            HttpResponse<InputStream> response = client.send(forward(ex), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    // Upload Locations are absolute URLs of the registry; the client must keep coming through us.
                    values.forEach(v -> ex.getResponseHeaders().add(name, name.equalsIgnoreCase("Location")
                            ? v.replace(upstream.toString(), url().toString()) : v));
                }
            });
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (head || status == 204 || status == 304 || length == 0) {
                    if (length >= 0 && head) {
                        ex.getResponseHeaders().set("Content-Length", Long.toString(length)); // HEAD answers keep the size
                    }
                    ex.sendResponseHeaders(status, -1);
                    ex.close();
                    return;
                }
                ex.sendResponseHeaders(status, length > 0 ? length : 0); // 0 = chunked
                OutputStream out = ex.getResponseBody();
                copy(body, out, fault);
                out.close();
                ex.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("proxy stopped", e);
        }
    }

    private HttpRequest forward(HttpExchange ex) {
        String query = ex.getRequestURI().getRawQuery();
        URI target = upstream.resolve(ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        long length = Long.parseLong(ex.getRequestHeaders().getFirst("Content-Length") != null
                ? ex.getRequestHeaders().getFirst("Content-Length") : "-1");
        boolean chunked = "chunked".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Transfer-Encoding"));
        HttpRequest.BodyPublisher body = length > 0 ? HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(ex::getRequestBody), length)
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(ex::getRequestBody)
                : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder request = HttpRequest.newBuilder(target).method(ex.getRequestMethod(), body);
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return request.build();
    }

    private static void copy(InputStream in, OutputStream out, Fault fault) throws IOException {
        long limit = fault != null && fault.kind == Kind.TRUNCATE ? fault.amount : Long.MAX_VALUE;
        long flipAt = fault != null && fault.kind == Kind.FLIP ? fault.amount : -1;
        byte[] buffer = new byte[64 * 1024];
        long position = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            int keep = (int) Math.min(n, limit - position);
            if (flipAt >= position && flipAt < position + keep) {
                buffer[(int) (flipAt - position)] ^= (byte) 0xff;
            }
            out.write(buffer, 0, keep);
            position += keep;
            if (position >= limit) {
                out.flush();
                throw new CutConnection();
            }
        }
    }

    private static void answer(HttpExchange ex, int status, String[] headers, boolean head) throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        String code = status == 429 ? "TOOMANYREQUESTS" : status >= 500 ? "UNAVAILABLE" : "UNKNOWN";
        byte[] body = ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"fault injected by FaultProxy\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getRequestBody().transferTo(OutputStream.nullOutputStream()); // let the client finish sending
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
