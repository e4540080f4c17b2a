package io.github.imageassert.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Proves the registry test support against real clients: java.net.http and skopeo. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TestRegistryInfraIT {

    private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String ACCEPT_ANY = DOCKER_MANIFEST + "," + Push.OCI_MANIFEST + "," + Push.OCI_INDEX;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anonymousRegistryServesAPushedImageAndLogsTheGets() throws Exception {
        try (TestRegistry registry = TestRegistry.anonymous()) {
            String digest = Push.engineImage("busybox:stable", registry, "test/busybox:1");

            HttpResponse<String> manifest = get(HTTP, registry.url(), "/v2/test/busybox/manifests/1", null);
            assertThat(manifest.statusCode()).isEqualTo(200);
            assertThat(manifest.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
            String layer = JSON.readTree(manifest.body()).get("layers").get(0).get("digest").asText();
            assertThat(get(HTTP, registry.url(), "/v2/test/busybox/blobs/" + layer, null).statusCode()).isEqualTo(200);

            List<String> log = registry.awaitAccessLog(l -> l.contains("/blobs/" + layer + " "), Duration.ofSeconds(5));
            assertThat(log).anyMatch(l -> TestRegistry.requestLine(l).equals("GET /v2/test/busybox/manifests/1 HTTP/1.1")
                    && TestRegistry.status(l) == 200);
            assertThat(registry.blobGets("test/busybox")).containsExactly("GET /v2/test/busybox/blobs/" + layer + " HTTP/1.1");
        }
    }

    @Test
    void tlsRegistryWithHtpasswdWantsCredentialsAndTheTestCa() throws Exception {
        try (TestCa ca = TestCa.create();
                TestRegistry registry = TestRegistry.builder().tls(ca).htpasswd("alice", "s3cret").start()) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(ca.sslContext()).build();
            assertThat(registry.url().toString()).startsWith("https://127.0.0.1:");

            HttpResponse<String> anonymous = get(trusting, registry.url(), "/v2/", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"image-assert-test\"");
            assertThat(get(trusting, registry.url(), "/v2/", basic("alice:wrong")).statusCode()).isEqualTo(401);
            assertThat(get(trusting, registry.url(), "/v2/", basic("alice:s3cret")).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> get(HTTP, registry.url(), "/v2/", null)).isInstanceOf(SSLHandshakeException.class);

            String digest = Push.engineImage("busybox:stable", registry, "test/busybox:tls");
            HttpResponse<String> manifest = get(trusting, registry.url(), "/v2/test/busybox/manifests/tls", basic("alice:s3cret"));
            assertThat(manifest.statusCode()).isEqualTo(200);
            assertThat(manifest.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
        }
    }

    @Test
    void htpasswdAlsoWorksOverPlainHttp() throws Exception {
        // distribution 2.8 does not insist on TLS for basic auth (it only logs the credentials' use).
        try (TestRegistry registry = TestRegistry.builder().htpasswd("bob", "pw").start()) {
            assertThat(get(HTTP, registry.url(), "/v2/", null).statusCode()).isEqualTo(401);
            assertThat(get(HTTP, registry.url(), "/v2/", basic("bob:pw")).statusCode()).isEqualTo(200);
            Push.engineImage("busybox:stable", registry, "test/plain:1");
        }
    }

    @Test
    void tokenRegistryChallengesAndAcceptsTheServicesTokens() throws Exception {
        try (TokenService tokens = TokenService.builder().user("carol", "pw").lifetime(Duration.ofSeconds(30)).start();
                TestRegistry registry = TestRegistry.builder().tokenAuth(tokens).start()) {
            HttpResponse<String> challenge = get(HTTP, registry.url(), "/v2/test/tok/manifests/1", null);
            assertThat(challenge.statusCode()).isEqualTo(401);
            assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"" + tokens.realm()
                    + "\",service=\"" + TokenService.SERVICE + "\",scope=\"repository:test/tok:pull\"");

            String digest = Push.engineImage("busybox:stable", registry, "test/tok:1");
            assertThat(tokens.tokensIssued("repository:test/tok:pull,push")).isPositive();

            String scope = "repository:test/tok:pull";
            JsonNode answer = token(tokens, scope, "carol:pw");
            assertThat(answer.get("expires_in").asInt()).isEqualTo(30);
            assertThat(answer.get("access_token").asText()).isEqualTo(answer.get("token").asText());
            HttpResponse<String> manifest = get(HTTP, registry.url(), "/v2/test/tok/manifests/1", "Bearer " + answer.get("token").asText());
            assertThat(manifest.statusCode()).isEqualTo(200);
            assertThat(manifest.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
            assertThat(tokens.tokensIssued(scope)).isEqualTo(1);

            // Anonymous pull is off: the token is issued but grants nothing.
            String anonymous = token(tokens, scope, null).get("token").asText();
            assertThat(get(HTTP, registry.url(), "/v2/test/tok/manifests/1", "Bearer " + anonymous).statusCode()).isEqualTo(401);
            // Expired beyond distribution's 60 s leeway.
            String expired = tokens.mint("carol", List.of(scope), Duration.ofMinutes(-2));
            assertThat(get(HTTP, registry.url(), "/v2/test/tok/manifests/1", "Bearer " + expired).statusCode()).isEqualTo(401);
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(tokens.realm() + "?service=s&scope=" + scope))
                    .header("Authorization", basic("carol:bad")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void faultProxyInjectsFaultsAndOtherwiseRelays() throws Exception {
        try (TestRegistry registry = TestRegistry.anonymous(); FaultProxy proxy = FaultProxy.inFrontOf(registry)) {
            String digest = Push.engineImage("busybox:stable", registry, "test/fp:1");
            String manifestPath = "/v2/test/fp/manifests/1";
            FaultProxy.Fault unavailable = proxy.on(manifestPath::equals).times(1).status(503);
            assertThat(get(HTTP, proxy.url(), manifestPath, null).statusCode()).isEqualTo(503);
            HttpResponse<String> relayed = get(HTTP, proxy.url(), manifestPath, null);
            assertThat(relayed.statusCode()).isEqualTo(200);
            assertThat(relayed.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
            assertThat(relayed.headers().firstValue("Content-Type")).hasValue(DOCKER_MANIFEST);
            assertThat(unavailable.fired()).isEqualTo(1);
            assertThat(proxy.requests(manifestPath)).isEqualTo(2);

            JsonNode layer = JSON.readTree(relayed.body()).get("layers").get(0);
            String blobPath = "/v2/test/fp/blobs/" + layer.get("digest").asText();
            long size = layer.get("size").asLong();
            HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(proxy.url().resolve(blobPath))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(size);

            proxy.on(blobPath::equals).times(1).status(429, "Retry-After", "1");
            HttpResponse<byte[]> limited = getBytes(proxy.url().resolve(blobPath), Duration.ofSeconds(10));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");

            proxy.on(blobPath::equals).times(1).truncateAfter(1000);
            assertThatThrownBy(() -> getBytes(proxy.url().resolve(blobPath), Duration.ofSeconds(10))).isInstanceOf(IOException.class);

            proxy.on(blobPath::equals).times(1).flipByte(size / 2);
            byte[] flipped = getBytes(proxy.url().resolve(blobPath), Duration.ofSeconds(10)).body();
            assertThat(flipped).hasSize((int) size);
            assertThat("sha256:" + Push.sha256(flipped)).isNotEqualTo(layer.get("digest").asText());

            proxy.on(blobPath::equals).times(1).delay(Duration.ofSeconds(3));
            assertThatThrownBy(() -> getBytes(proxy.url().resolve(blobPath), Duration.ofMillis(500)))
                    .isInstanceOf(HttpTimeoutException.class);
            byte[] intact = getBytes(proxy.url().resolve(blobPath), Duration.ofSeconds(10)).body();
            assertThat("sha256:" + Push.sha256(intact)).isEqualTo(layer.get("digest").asText());

            // An upload through the proxy: its Location must lead back through the proxy, the body must get through.
            byte[] content = "through the proxy".getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> started = HTTP.send(HttpRequest.newBuilder(proxy.url().resolve("/v2/test/fp/blobs/uploads/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(started.statusCode()).isEqualTo(202);
            String location = started.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(proxy.url().toString());
            String blobDigest = "sha256:" + Push.sha256(content);
            HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(location + "&digest="
                    + URLEncoder.encode(blobDigest, StandardCharsets.UTF_8))).PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(getBytes(registry.url().resolve("/v2/test/fp/blobs/" + blobDigest), Duration.ofSeconds(10)).body()).isEqualTo(content);
        }
    }

    @Test
    void multiPlatformLayoutPushesAsAnIndexOfBothPlatforms(@TempDir Path tmp) throws Exception {
        try (TestRegistry registry = TestRegistry.anonymous()) {
            Path plain = Push.multiPlatformLayout(tmp.resolve("plain"), "busybox:stable", "busybox:stable", false, false);
            Push.ociLayout(plain, registry, "test/multi:plain", true);
            assertThat(platforms(index(registry, "plain"))).containsExactly("linux/amd64", "linux/arm64/v8");

            Path full = Push.multiPlatformLayout(tmp.resolve("full"), "busybox:stable", "busybox:stable", true, true);
            String digest = Push.ociLayout(full, registry, "test/multi:full", true);
            JsonNode index = index(registry, "full");
            assertThat(digest).startsWith("sha256:");
            assertThat(platforms(index)).containsExactly("linux/amd64", "linux/arm64/v8", "unknown/unknown", "");
            JsonNode attestation = index.get("manifests").get(2);
            assertThat(attestation.get("annotations").get("vnd.docker.reference.type").asText()).isEqualTo("attestation-manifest");
            assertThat(attestation.get("annotations").get("vnd.docker.reference.digest").asText())
                    .isEqualTo(index.get("manifests").get(0).get("digest").asText());
            JsonNode nested = index(registry, index.get("manifests").get(3).get("digest").asText());
            assertThat(platforms(nested)).containsExactly("linux/arm/v7");
        }
    }

    private static JsonNode index(TestRegistry registry, String reference) throws Exception {
        HttpResponse<String> response = get(HTTP, registry.url(), "/v2/test/multi/manifests/" + reference, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Push.OCI_INDEX);
        return JSON.readTree(response.body());
    }

    private static List<String> platforms(JsonNode index) {
        List<String> platforms = new ArrayList<>();
        for (JsonNode m : index.get("manifests")) {
            JsonNode p = m.path("platform");
            platforms.add(p.isMissingNode() ? "" : p.get("os").asText() + "/" + p.get("architecture").asText()
                    + (p.has("variant") ? "/" + p.get("variant").asText() : ""));
        }
        return platforms;
    }

    private static JsonNode token(TokenService tokens, String scope, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokens.realm() + "?service=" + TokenService.SERVICE
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)));
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(HttpClient client, URI base, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", ACCEPT_ANY)
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> getBytes(URI uri, Duration timeout) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
