package io.github.imageassert.source;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.imageassert.testing.SystemProperties.with;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.TestAccess;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.image.RegistryException;
import io.github.imageassert.internal.registry.RegistrySettings;
import io.github.imageassert.testing.DockerBuild;
import io.github.imageassert.testing.registry.FaultProxy;
import io.github.imageassert.testing.registry.Push;
import io.github.imageassert.testing.registry.TestRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a registry does wrong, injected by a proxy in front of a real registry: rate limits, server errors, slow
 * answers, blobs cut short or altered. Each ends in a retry that succeeds or a typed error; never a hang, never a
 * half-read image.
 */
class RegistryFaultsIT {

    static TestRegistry registry;
    static FaultProxy proxy;

    @BeforeAll
    static void aRegistryBehindAFaultInjectingProxy() {
        registry = TestRegistry.anonymous();
        proxy = FaultProxy.inFrontOf(registry);
    }

    @AfterEach
    void noFaultsLeft() {
        proxy.clearFaults();
    }

    @AfterAll
    static void stop() {
        proxy.close();
        registry.close();
    }

    /** An image of its own (a layer no other test read, so none is in the store), pushed as {@code faults/NAME:1}. */
    private static String freshImage(String name) {
        String tag = "image-assert-test/registry-faults-" + name + ":1";
        DockerBuild.build(tag, "FROM busybox:stable\nRUN echo " + UUID.randomUUID() + " > /marker.txt\n", Map.of());
        Push.engineImage(tag, registry, "faults/" + name + ":1");
        return proxy.host() + "/faults/" + name + ":1";
    }

    private static String manifestPath(String name) {
        return "/v2/faults/" + name + "/manifests/1";
    }

    private static String topLayerPath(ContainerImage image, String name) {
        List<String> blobs = TestAccess.layerBlobDigests(image);
        return "/v2/faults/" + name + "/blobs/" + blobs.get(blobs.size() - 1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        String ref = freshImage("flaky");
        proxy.on(manifestPath("flaky")::equals).times(2).status(503);

        ContainerImage image = ContainerImage.fromRegistry(ref);

        assertThat(image.config().cmd()).isNotEmpty();
        assertThat(proxy.requests(manifestPath("flaky"))).isEqualTo(3);
    }

    @Test
    void aRateLimitThatDoesNotEndIsATypedErrorAfterTheRetries() {
        String ref = freshImage("limited");
        proxy.on(manifestPath("limited")::equals).always().status(429, "Retry-After", "0");

        assertThatThrownBy(() -> with(Map.of(RegistrySettings.RETRIES, "2"), () -> ContainerImage.fromRegistry(ref).config()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAVAILABLE))
                .hasMessage(proxy.host() + " answered 429 Too Many Requests to the manifest " + ref + " (after 2 retries). "
                        + "Try again later, or log in: registries allow logged-in users more pulls.");
        assertThat(proxy.requests(manifestPath("limited"))).isEqualTo(3);
    }

    @Test
    void aForbiddenRepositoryIsDenied() {
        String ref = freshImage("forbidden");
        proxy.on(manifestPath("forbidden")::equals).always().status(403);

        assertThatThrownBy(() -> ContainerImage.fromRegistry(ref).config())
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.DENIED))
                .hasMessageContaining("answered 403 Forbidden to the manifest " + ref + ": anonymous access may not pull it");
    }

    @Test
    void aSlowRegistryTimesOutInsteadOfHanging() {
        String ref = freshImage("slow");
        proxy.on(manifestPath("slow")::equals).always().delay(Duration.ofSeconds(5));

        assertThatThrownBy(() -> with(Map.of(RegistrySettings.TIMEOUT, "1"), () -> ContainerImage.fromRegistry(ref).config()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.TIMEOUT))
                .hasMessage(proxy.host() + " did not answer the manifest " + ref + " within 1 s. Raise imageassert.registry.timeout "
                        + "(seconds) for a slow registry.");
    }

    @Test
    void aLayerCutShortIsReadAgainFromItsStart() {
        String ref = freshImage("cut-once");
        ContainerImage image = ContainerImage.fromRegistry(ref);
        String layer = topLayerPath(image, "cut-once");
        proxy.on(layer::equals).times(1).truncateAfter(100);

        assertThat(image).hasFile("/marker.txt");
        assertThat(proxy.requests(layer)).isEqualTo(2);
    }

    @Test
    void aLayerCutShortEveryTimeIsATypedError() {
        String ref = freshImage("cut-always");
        ContainerImage image = with(Map.of(RegistrySettings.RETRIES, "1"), () -> ContainerImage.fromRegistry(ref));
        String layer = topLayerPath(image, "cut-always");
        proxy.on(layer::equals).always().truncateAfter(100);

        assertThatThrownBy(image::filesystem)
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAVAILABLE))
                .hasMessageContaining("could not be read from " + proxy.host() + "/faults/cut-always")
                .hasMessageContaining("the connection failed after 100 bytes")
                .hasMessageContaining("(2 attempts)");
        // nothing half-read was kept: with the fault gone, the same image reads the layer whole
        proxy.clearFaults();
        assertThat(ContainerImage.fromRegistry(ref)).hasFile("/marker.txt");
    }

    @Test
    void aLayerWithAlteredBytesIsRefusedByItsDigest() {
        String ref = freshImage("altered");
        ContainerImage image = ContainerImage.fromRegistry(ref);
        String layer = topLayerPath(image, "altered");
        proxy.on(layer::equals).always().flipByte(40);

        assertThatThrownBy(image::filesystem)
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.DIGEST_MISMATCH))
                .hasMessageContaining("has digest sha256:")
                .hasMessageContaining("but its descriptor says " + layer.substring(layer.lastIndexOf('/') + 1));
    }

    @Test
    void aConfigWithAlteredBytesIsRefusedByItsDigest() {
        String ref = freshImage("altered-config");
        String config = ContainerImage.fromRegistry(ref).metadata().id();
        proxy.on(("/v2/faults/altered-config/blobs/" + config)::equals).always().flipByte(10);

        assertThatThrownBy(() -> ContainerImage.fromRegistry(ref).config())
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.DIGEST_MISMATCH))
                .hasMessageContaining("the image config " + config + " of " + proxy.host() + "/faults/altered-config arrived as");
    }

    @Test
    void aRegistryThatIsNotThereIsUnavailableAfterTheRetries() {
        String nowhere;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            nowhere = "127.0.0.1:" + socket.getLocalPort(); // free again once closed: nothing listens there
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String address = nowhere;

        assertThatThrownBy(() -> with(Map.of(RegistrySettings.RETRIES, "1"),
                () -> ContainerImage.fromRegistry(address + "/faults/none:1").config()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAVAILABLE))
                .hasMessageContaining(nowhere + " could not be reached for the manifest " + nowhere + "/faults/none:1")
                .hasMessageContaining("Is the registry up and the address right?");
    }
}
