package io.github.imageassert.internal.source;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.imageassert.image.EngineUnavailableException;
import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * The engine's image endpoints, spoken directly: the raw JSON of inspect and history (read into the same typed
 * records as archives' configs) and the export stream. The engine is found the way Testcontainers finds it;
 * only the plain HTTP transport is used, so any docker-java version a user's build brings will do.
 */
final class EngineApi {

    private static volatile DockerHttpClient http;

    private EngineApi() {
    }

    private static DockerHttpClient http() {
        DockerHttpClient c = http;
        if (c == null) {
            synchronized (EngineApi.class) {
                c = http;
                if (c == null) {
                    TransportConfig transport;
                    try {
                        Engine.client(); // finds the engine (and fails with the clear message when there is none)
                        transport = DockerClientFactory.instance().getTransportConfig();
                    } catch (EngineUnavailableException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new EngineUnavailableException(String.valueOf(e.getMessage()), e);
                    }
                    c = new ZerodepDockerHttpClient.Builder().dockerHost(transport.getDockerHost())
                            .sslConfig(transport.getSslConfig()).connectionTimeout(Duration.ofSeconds(30)).build();
                    http = c;
                }
            }
        }
        return c;
    }

    /** {@code GET /images/{name}/json} or {@code /history}, parsed as {@code type}. */
    static <T> T imageJson(String reference, String endpoint, Class<T> type) {
        try (DockerHttpClient.Response response = get("/images/" + encode(reference) + "/" + endpoint)) {
            if (response.getStatusCode() == 404) {
                throw notFound(reference);
            }
            byte[] body = response.getBody().readNBytes(Json.MAX_DOCUMENT + 1);
            if (response.getStatusCode() != 200) {
                throw new EngineUnavailableException("the engine answered " + response.getStatusCode() + " to " + endpoint
                        + " of " + reference + ": " + new String(body, StandardCharsets.UTF_8).strip(), null);
            }
            return Json.read(body, type, "The engine's " + endpoint + " of " + reference);
        } catch (IOException e) {
            throw new UncheckedIOException("Asking the engine about " + reference + " failed: " + e.getMessage(), e);
        }
    }

    /** A stream of {@code GET /images/{name}/get}: the image as {@code docker save} writes it. Close it when done. */
    static InputStream export(String reference) {
        DockerHttpClient.Response response = get("/images/" + encode(reference) + "/get");
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
        return new java.io.FilterInputStream(response.getBody()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }

    private static DockerHttpClient.Response get(String path) {
        try {
            return http().execute(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build());
        } catch (RuntimeException e) {
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
