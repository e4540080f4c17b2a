package io.github.imageassert.testing.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads an OCI layout to a {@link TestRegistry} over the distribution API. Only for what skopeo 1.9 cannot
 * push: an index that lists another index ("Unexpectedly received a manifest list instead of a manifest for a
 * single image"). Handles the registry's Basic and Bearer challenges with the registry's credentials.
 */
final class LayoutUpload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final TestRegistry registry;
    private final Path layout;
    private final String repository;
    private final HttpClient http;
    private String authorization;

    private LayoutUpload(TestRegistry registry, Path layout, String repository) {
        this.registry = registry;
        this.layout = layout;
        this.repository = repository;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        registry.ca().ifPresent(ca -> client.sslContext(ca.sslContext()));
        this.http = client.build();
    }

    /** Pushes the layout's only image or index (children first) and tags it; returns its digest. */
    static String push(Path layout, TestRegistry registry, String repoTag) {
        int colon = repoTag.lastIndexOf(':');
        LayoutUpload upload = new LayoutUpload(registry, layout, repoTag.substring(0, colon));
        try {
            JsonNode top = JSON.readTree(layout.resolve("index.json").toFile()).get("manifests").get(0);
            upload.pushTree(top);
            upload.putManifest(top, repoTag.substring(colon + 1));
            return top.get("digest").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pushTree(JsonNode descriptor) throws IOException {
        JsonNode content = JSON.readTree(blob(descriptor).toFile());
        if (content.has("manifests")) {
            for (JsonNode child : content.get("manifests")) {
                pushTree(child);
                putManifest(child, child.get("digest").asText());
            }
            return;
        }
        pushBlob(content.get("config"));
        for (JsonNode layer : content.path("layers")) {
            pushBlob(layer);
        }
    }

    private void pushBlob(JsonNode descriptor) throws IOException {
        String digest = descriptor.get("digest").asText();
        HttpResponse<Void> head = send(() -> request("/blobs/" + digest).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        if (head.statusCode() == 200) {
            return;
        }
        HttpResponse<Void> started = send(() -> request("/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()));
        expect(started, 202, "start an upload of " + digest);
        URI location = registry.url().resolve(started.headers().firstValue("Location").orElseThrow());
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
        Path file = blob(descriptor);
        expect(send(() -> HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream")
                .PUT(publisher(file))), 201, "upload " + digest);
    }

    private void putManifest(JsonNode descriptor, String reference) throws IOException {
        Path file = blob(descriptor);
        expect(send(() -> request("/manifests/" + reference).header("Content-Type", descriptor.get("mediaType").asText())
                .PUT(publisher(file))), 201, "put manifest " + reference);
    }

    private HttpRequest.Builder request(String suffix) {
        return HttpRequest.newBuilder(registry.url().resolve("/v2/" + repository + suffix)).timeout(Duration.ofMinutes(2));
    }

    /** Sends; on a 401 answers the challenge once and resends (bodies are files, so they can be re-read). */
    private HttpResponse<Void> send(Supplier<HttpRequest.Builder> request) throws IOException {
        HttpResponse<Void> response = sendWith(request.get());
        if (response.statusCode() == 401) {
            authorization = answer(response.headers().firstValue("WWW-Authenticate").orElse(""));
            response = sendWith(request.get());
        }
        return response;
    }

    private HttpResponse<Void> sendWith(HttpRequest.Builder request) throws IOException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String answer(String challenge) throws IOException {
        String basic = registry.credentials()
                .map(c -> "Basic " + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8))).orElse(null);
        if (!challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return basic;
        }
        String realm = null;
        StringBuilder query = new StringBuilder();
        for (Matcher m = PARAM.matcher(challenge); m.find(); ) {
            if (m.group(1).equals("realm")) {
                realm = m.group(2);
            } else {
                query.append(query.length() == 0 ? "?" : "&").append(m.group(1)).append('=')
                        .append(URLEncoder.encode(m.group(2), StandardCharsets.UTF_8));
            }
        }
        HttpRequest.Builder tokenRequest = HttpRequest.newBuilder(URI.create(realm + query)).timeout(Duration.ofSeconds(30));
        if (basic != null) {
            tokenRequest.header("Authorization", basic);
        }
        try {
            HttpResponse<String> token = http.send(tokenRequest.build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                throw new IllegalStateException("token request " + realm + query + " answered " + token.statusCode());
            }
            return "Bearer " + JSON.readTree(token.body()).get("token").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<Void> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("could not " + what + ": " + response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode());
        }
    }

    private static HttpRequest.BodyPublisher publisher(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path blob(JsonNode descriptor) {
        String digest = descriptor.get("digest").asText();
        Path file = layout.resolve("blobs").resolve(digest.replace(':', '/'));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the layout " + layout + " lacks the blob " + digest);
        }
        return file;
    }
}
