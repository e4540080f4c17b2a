package io.github.imageassert.source;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.image.Platform;
import io.github.imageassert.testing.DockerBuild;
import io.github.imageassert.testing.registry.Push;
import io.github.imageassert.testing.registry.TestRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ContainerImage.fromRegistry}: read from a real registry (distribution 2.8), lazily, in every manifest
 * format the producers (skopeo, an engine's push, BuildKit-style indexes) write.
 */
class RegistrySourceIT {

    static TestRegistry registry;
    /** A layer no other test has, so that it cannot already be in the layer store. */
    static String marker;
    static String image;

    @BeforeAll
    static void aRegistryWithAnImageOfItsOwn() {
        registry = TestRegistry.anonymous();
        marker = UUID.randomUUID().toString();
        image = DockerBuild.build("image-assert-test/registry-source:1", """
                FROM busybox:stable
                RUN echo %s > /marker.txt
                USER 1000
                ENTRYPOINT ["/bin/sh", "-c"]
                LABEL org.opencontainers.image.title=registry-source
                """.formatted(marker), Map.of());
        Push.engineImage(image, registry, "shop/api:1.4.2");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String ref(String repoTag) {
        return registry.host() + "/" + repoTag;
    }

    @Test
    void configQuestionsFetchTheManifestAndConfigButNoLayer() {
        // GIVEN an image in a registry, pushed by skopeo to a repository no other test reads
        Push.engineImage(image, registry, "shop/config-only:1");
        ContainerImage pushed = ContainerImage.fromRegistry(ref("shop/config-only:1"));

        // WHEN only config questions are asked
        assertThat(pushed).hasUser("1000").hasEntrypoint("/bin/sh", "-c")
                .hasLabel("org.opencontainers.image.title", "registry-source");
        assertThat(pushed.metadata().compressedSize()).hasValueSatisfying(size -> assertThat(size).isPositive());
        assertThat(pushed.platform()).isEqualTo(Platform.LINUX_AMD64);

        // THEN the registry served the config blob and no layer blob
        String config = pushed.metadata().id();
        List<String> gets = registry.awaitAccessLog(l -> l.contains("/blobs/" + config), Duration.ofSeconds(5)).stream()
                .map(TestRegistry::requestLine).filter(l -> l.startsWith("GET /v2/shop/config-only/blobs/")).toList();
        assertThat(gets).isNotEmpty().allSatisfy(line -> assertThat(line).contains(config));
    }

    @Test
    void fileQuestionsReadEachLayerOnceAndTheStoreKeepsThemForTheNextImage() {
        // GIVEN an image whose top layer no test has read, so that it is new to this machine's store
        String fresh = UUID.randomUUID().toString();
        Push.engineImage(DockerBuild.build("image-assert-test/registry-fresh:1", "FROM busybox:stable\nRUN echo " + fresh
                + " > /marker.txt\n", Map.of()), registry, "shop/fresh:1");
        ContainerImage first = ContainerImage.fromRegistry(ref("shop/fresh:1"));
        List<String> blobs = io.github.imageassert.TestAccess.layerBlobDigests(first);
        String markerBlob = blobs.get(blobs.size() - 1);

        // WHEN a file question is asked, by this image and then by a fresh one of the same reference
        assertThat(first).hasFile("/marker.txt");
        assertThat(first.readString("/marker.txt")).hasValue(fresh + "\n");
        ContainerImage second = ContainerImage.fromRegistry(ref("shop/fresh:1"));
        assertThat(second.readString("/marker.txt")).hasValue(fresh + "\n");

        // THEN the marker layer's blob was fetched exactly once (the second image read it from the store)
        registry.awaitAccessLog(l -> l.contains("GET /v2/shop/fresh/blobs/" + markerBlob), Duration.ofSeconds(5));
        assertThat(registry.blobGets("shop/fresh")).filteredOn(l -> l.contains(markerBlob)).hasSize(1);
    }

    @Test
    void aTagThatIsNotThereListsTheTagsThatAre() {
        assertThatThrownBy(() -> ContainerImage.fromRegistry(ref("shop/api:9.9")).config())
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessage("The repository " + registry.host() + "/shop/api has no tag '9.9'. Its tags include: 1.4.2.");
    }

    @Test
    void aRepositoryThatIsNotThereSaysSo() {
        assertThatThrownBy(() -> ContainerImage.fromRegistry(ref("shop/nothing:1")).config())
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessage(registry.host() + " has no repository 'shop/nothing'. Check the name (and that the pipeline "
                        + "pushed to this registry).");
    }

    @Test
    void aReferenceWithoutAHostIsRefused() {
        assertThatThrownBy(() -> ContainerImage.fromRegistry("shop/api:1.4.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it names no registry host");
    }

    @Test
    void aMultiPlatformIndexGivesTheHostsPlatformSkipsAttestationsAndFollowsNestedIndexes(@TempDir Path dir) {
        // GIVEN an index (pushed with skopeo --all) of amd64 and arm64/v8, an attestation manifest and a nested
        // index with arm/v7
        Push.ociLayout(Push.multiPlatformLayout(dir, image, "busybox:stable", true, true), registry, "multi/app:1", true);

        // WHEN it is read by default, for a platform, and for all platforms
        ContainerImage byDefault = ContainerImage.fromRegistry(ref("multi/app:1"));
        ContainerImage arm64 = ContainerImage.fromRegistry(ref("multi/app:1"), Platform.parse("linux/arm64"));
        ContainerImage armV7 = ContainerImage.fromRegistry(ref("multi/app:1"), Platform.parse("linux/arm/v7"));
        List<ContainerImage> all = ContainerImage.allPlatforms(ref("multi/app:1"));

        // THEN each is the right image, and the attestation is none of them
        assertThat(byDefault.platform()).isEqualTo(Platform.LINUX_AMD64);
        assertThat(byDefault).hasFile("/marker.txt");
        assertThat(arm64.platform()).isEqualTo(Platform.parse("linux/arm64/v8"));
        assertThat(arm64).doesNotHaveFile("/marker.txt");
        assertThat(armV7.platform()).isEqualTo(Platform.parse("linux/arm/v7"));
        assertThat(all).extracting(ContainerImage::platform).containsExactly(
                Platform.LINUX_AMD64, Platform.parse("linux/arm64/v8"), Platform.parse("linux/arm/v7"));
        assertThat(all).extracting(ContainerImage::reference).allSatisfy(r -> assertThat(r).startsWith(ref("multi/app:1")));
    }

    @Test
    void aPlatformTheIndexLacksIsAnErrorListingThoseItHas(@TempDir Path dir) {
        Push.ociLayout(Push.multiPlatformLayout(dir, image, "busybox:stable", true, false), registry, "multi/two:1", true);

        assertThatThrownBy(() -> ContainerImage.fromRegistry(ref("multi/two:1"), Platform.parse("linux/s390x")).config())
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("the registry image " + ref("multi/two:1") + " has no image for platform linux/s390x. "
                        + "Platforms present: [linux/amd64, linux/arm64/v8]. Choose one with "
                        + "ContainerImage.fromRegistry(reference, Platform.parse(\"os/arch\")).");
    }

    @Test
    void anImageByDigestIsCheckedAgainstThatDigest() {
        String digest = Push.engineImage(image, registry, "pinned/app:1");

        ContainerImage pinned = ContainerImage.fromRegistry(ref("pinned/app@" + digest));

        assertThat(pinned).hasUser("1000").hasFile("/marker.txt");
    }
}
