package io.github.imageassert.internal.source;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.imageassert.image.EngineFailureException;
import io.github.imageassert.image.EngineUnavailableException;
import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.internal.io.ReadAheadInputStream;
import io.github.imageassert.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * The engine's image endpoints, spoken directly: the raw JSON of inspect and history (read into the same typed
 * records as archives' configs) and the export stream. The engine is found the way Testcontainers finds it; an
 * engine on a Unix socket is then asked over that socket ({@link UnixSocketHttp}), any other through docker-java's
 * plain HTTP transport, so whichever docker-java version a user's build brings will do.
 */
final class EngineApi {

    /** The export's read-ahead: 4 MiB, some 20 times what the engine's socket buffers, read 512 KiB at a time at most. */
    private static final int EXPORT_AHEAD = 4 << 20;
    private static final int EXPORT_READ = 512 << 10;

    private static volatile DockerHttpClient http;
    private static volatile Duration httpTimeout;
    private static volatile java.util.Optional<java.nio.file.Path> unixSocket;

    private EngineApi() {
    }

    /** docker-java's plain transport, for engines not on a Unix socket; made again when the timeout changed. */
    private static DockerHttpClient http(Duration timeout) {
        DockerHttpClient c = http;
        if (c == null || !timeout.equals(httpTimeout)) {
            synchronized (EngineApi.class) {
                c = http;
                if (c == null || !timeout.equals(httpTimeout)) {
                    TransportConfig transport = transport();
                    ZerodepDockerHttpClient.Builder builder = new ZerodepDockerHttpClient.Builder().dockerHost(transport.getDockerHost())
                            .sslConfig(transport.getSslConfig()).connectionTimeout(Duration.ofSeconds(30));
                    try {
                        // the socket's read timeout, for every read of the answer, its body included
                        builder.responseTimeout(timeout);
                    } catch (LinkageError olderDockerJava) {
                        // a docker-java before 3.2.8 has no such setting: its reads wait as long as the engine does
                    }
                    c = builder.build();
                    http = c;
                    httpTimeout = timeout;
                }
            }
        }
        return c;
    }

    private static TransportConfig transport() {
        try {
            Engine.client(); // finds the engine (and fails with the clear message when there is none)
            return DockerClientFactory.instance().getTransportConfig();
        } catch (EngineUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * The engine's Unix socket, when that is how it is reached: the one Testcontainers would choose when that can
     * be told from its settings without starting it (and the engine answers there), else the one it found.
     */
    private static java.util.Optional<java.nio.file.Path> unixSocket() {
        java.util.Optional<java.nio.file.Path> s = unixSocket;
        if (s == null) {
            s = EngineLocation.knownUnixSocket().filter(EngineApi::answers);
            if (s.isEmpty()) {
                java.net.URI host = transport().getDockerHost();
                s = "unix".equals(host.getScheme()) ? java.util.Optional.of(java.nio.file.Path.of(host.getPath())) : java.util.Optional.empty();
            }
            unixSocket = s;
        }
        return s;
    }

    private static boolean answers(java.nio.file.Path socket) {
        try (UnixSocketHttp.Response ping = UnixSocketHttp.get(socket, "/_ping", Duration.ofSeconds(30))) {
            return ping.status() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True when the engine answers {@code /_ping} within {@code timeout}; never throws, never waits longer. */
    static boolean ping(Duration timeout) {
        try {
            java.util.Optional<java.nio.file.Path> socket = unixSocket();
            if (socket.isPresent()) {
                try (UnixSocketHttp.Response ping = UnixSocketHttp.get(socket.get(), "/_ping", timeout)) {
                    return ping.status() == 200;
                }
            }
            try (DockerHttpClient.Response ping = get("/_ping", new EngineSettings(timeout))) {
                return ping.getStatusCode() == 200;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code GET /images/{name}/json} or {@code /history}, parsed as {@code type}. */
    static <T> T imageJson(String reference, String endpoint, Class<T> type) {
        String path = "/images/" + encode(reference) + "/" + endpoint;
        EngineSettings settings = EngineSettings.fromEnvironment();
        int status;
        byte[] body;
        try {
            java.util.Optional<java.nio.file.Path> socket = unixSocket();
            if (socket.isPresent()) {
                try (UnixSocketHttp.Response response = UnixSocketHttp.get(socket.get(), path, settings.timeout())) {
                    status = response.status();
                    body = response.body().readNBytes(Json.MAX_DOCUMENT + 1);
                }
            } else {
                try (DockerHttpClient.Response response = get(path, settings)) {
                    status = response.getStatusCode();
                    body = response.getBody().readNBytes(Json.MAX_DOCUMENT + 1);
                }
            }
        } catch (SocketTimeoutException e) {
            throw stalled("asked for the " + endpoint + " of " + reference, e, settings);
        } catch (UnixSocketHttp.HeadEndedException e) {
            throw new EngineFailureException(EngineFailureException.Reason.STOPPED, "The engine closed the connection "
                    + "before it answered " + path + " (" + e.getMessage() + "): it stopped, crashed or restarted. Check "
                    + "the engine (`docker info`, its log) and run the test again.", e);
        } catch (IOException e) {
            throw new EngineUnavailableException("the engine did not answer " + path + " (" + e.getMessage() + ")", e);
        }
        if (status == 404) {
            throw notFound(reference);
        }
        if (status != 200) {
            throw new EngineUnavailableException("the engine answered " + status + " to " + endpoint + " of " + reference
                    + ": " + new String(body, StandardCharsets.UTF_8).strip(), null);
        }
        return Json.read(body, type, "The engine's " + endpoint + " of " + reference);
    }

    /**
     * A stream of {@code GET /images/{name}/get}: the image as {@code docker save} writes it. Close it when done.
     * Every read waits at most {@code settings}' timeout for the next byte.
     */
    static EngineExport export(String reference, EngineSettings settings) {
        java.util.Optional<java.nio.file.Path> socket = unixSocket();
        if (socket.isPresent()) {
            return new EngineExport(exportOverUnixSocket(socket.get(), reference, settings));
        }
        DockerHttpClient.Response response = get("/images/" + encode(reference) + "/get", settings);
        if (response.getStatusCode() == 404) {
            response.close();
            throw notFound(reference);
        }
        if (response.getStatusCode() != 200) {
            String detail;
            try {
                detail = new String(response.getBody().readNBytes(4096), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                detail = e.getMessage();
            }
            response.close();
            throw new EngineUnavailableException("the engine answered " + response.getStatusCode() + " to the export of "
                    + reference + ": " + detail, null);
        }
        return new EngineExport(new java.io.FilterInputStream(response.getBody()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        });
    }

    private static InputStream exportOverUnixSocket(java.nio.file.Path socket, String reference, EngineSettings settings) {
        try {
            UnixSocketHttp.Response response = UnixSocketHttp.get(socket, "/images/" + encode(reference) + "/get", settings.timeout());
            if (response.status() == 200) {
                // the engine writes the export into the socket's small buffer and waits whenever it is full: read
                // ahead, so that it never waits for what the reader does with the bytes (hash, parse, store)
                return new ReadAheadInputStream(response.body(), EXPORT_AHEAD, EXPORT_READ, "image-assert-export " + reference);
            }
            String detail = new String(response.body().readNBytes(4096), StandardCharsets.UTF_8).strip();
            response.close();
            if (response.status() == 404) {
                throw notFound(reference);
            }
            throw new EngineUnavailableException("the engine answered " + response.status() + " to the export of "
                    + reference + ": " + detail, null);
        } catch (SocketTimeoutException e) {
            throw stalled("asked for the export of " + reference, e, settings);
        } catch (UnixSocketHttp.HeadEndedException e) {
            throw new EngineFailureException(EngineFailureException.Reason.STOPPED, "The engine closed the connection "
                    + "before it began to send the export of " + reference + ": it stopped, crashed or restarted. Check the "
                    + "engine (`docker info`, its log) and run the test again.", e);
        } catch (IOException e) {
            throw new EngineUnavailableException("the engine at " + socket + " did not answer the export of " + reference
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** The engine sent nothing for the timeout before the answer began. */
    static EngineFailureException stalled(String when, Throwable cause, EngineSettings settings) {
        return new EngineFailureException(EngineFailureException.Reason.TIMEOUT, "The engine sent nothing for "
                + settings.timeout().toSeconds() + " s after it was " + when + ": it is stopped, hung or overloaded. Check it "
                + "(`docker info`, its log). An engine that is only slow (Docker Engine before 25 writes a large image's "
                + "whole export to its disk before the first byte) needs a longer wait: raise " + EngineSettings.TIMEOUT
                + " (seconds; now " + settings.timeout().toSeconds() + ").", cause);
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static DockerHttpClient.Response get(String path, EngineSettings settings) {
        try {
            return http(settings.timeout()).execute(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                    .path(path).build());
        } catch (RuntimeException e) {
            if (isTimeout(e)) {
                throw stalled("asked for " + path, e, settings);
            }
            throw new EngineUnavailableException("the engine did not answer " + path + " (" + e.getMessage() + ")", e);
        }
    }

    private static ImageNotFoundException notFound(String reference) {
        return new ImageNotFoundException("The engine has no image '" + reference + "'. Build or tag it first "
                + "(docker build -t " + reference + " .), or check the name: `docker images` lists what the engine has.");
    }

    /** Names keep their slashes and colons, as the docker CLI sends them; anything else is escaped. */
    private static String encode(String reference) {
        StringBuilder out = new StringBuilder();
        for (String part : reference.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("%3A", ":").replace("%40", "@"));
        }
        return out.toString();
    }
}
