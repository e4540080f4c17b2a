package io.github.imageassert.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imageassert.ContainerImage;
import io.github.imageassert.ImageAssertions;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.image.InvalidImageException.Reason;
import io.github.imageassert.image.Layer;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.source.ArchiveSource;
import io.github.imageassert.testing.LayerTar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The format rules every archive source shares (OCI layouts as a directory and as a tar, {@code docker save}
 * archives), checked on archives this class writes byte by byte: every blob is named by its real sha256 and
 * size, so each test fails only for the rule it is about. No engine is needed.
 */
class FormatRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    private static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final String OCI_NON_DISTRIBUTABLE_GZIP = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    private static final String DOCKER_FOREIGN = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    private static final String SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";
    private static final String IN_TOTO = "application/vnd.in-toto+json";
    private static final String ESTARGZ_TOC = "containerd.io/snapshot/stargz/toc.digest";
    /** Where a foreign layer's descriptor says its bytes are: a reserved name, never a real host. */
    private static final String FOREIGN_URL = "https://foreign-layers.example.test/windows/servercore/base.tar.gz";

    @TempDir
    Path dir;

    /** How an OCI layout is stored. */
    enum Form { DIRECTORY, TAR }

    // ---------------------------------------------------------------- 1. no layers

    @ParameterizedTest
    @EnumSource(Form.class)
    void anOciManifestWithoutLayersIsAnEmptyImageWithItsConfig(Form form) {
        // GIVEN an OCI manifest with an empty layer list, its config with empty rootfs.diff_ids
        Layout layout = new Layout();
        ObjectNode config = imageConfig("amd64");
        ((ObjectNode) config.get("config")).put("User", "65532").putArray("Entrypoint").add("/nothing");
        ObjectNode manifest = layout.manifest(layout.config(config));
        Path path = layout.topIndex(withPlatform(manifest, "linux/amd64")).write(form, dir.resolve("empty"));

        // WHEN it is read
        ContainerImage image = ContainerImage.fromOciLayout(path);

        // THEN its config is there, and it has no layer and no file (only the root every filesystem has)
        assertThat(image.config().user()).isEqualTo("65532");
        assertThat(image.config().entrypoint()).containsExactly("/nothing");
        assertThat(image.platform()).isEqualTo(Platform.LINUX_AMD64);
        assertThat(image.layers()).isEmpty();
        assertThat(image.filesystem().entries()).extracting(FileEntry::path).containsExactly("/");
        assertThat(image.size()).isZero();
        ImageAssertions.assertThat(image).hasLayerCount(0).doesNotHaveFile("/etc/passwd");
    }

    @Test
    void aDockerSaveArchiveWithoutLayersIsAnEmptyImageWithItsConfig() {
        // GIVEN a legacy docker save archive whose only image has "Layers": [] and an empty diff_ids
        byte[] config = json(imageConfig("amd64").put("author", "scratch"));
        Layout layout = new Layout().put(hex(sha256(config)) + ".json", config);
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode entry = manifest.addObject().put("Config", hex(sha256(config)) + ".json");
        entry.putArray("RepoTags").add("scratch:1");
        entry.putArray("Layers");
        Path tar = layout.put("manifest.json", json(manifest)).write(Form.TAR, dir.resolve("scratch"));

        // WHEN it is read
        ContainerImage image = ContainerImage.fromArchive(tar);

        // THEN it is the tagged image, with its config and nothing else
        assertThat(image.reference()).isEqualTo("scratch:1");
        assertThat(image.config().user()).isEqualTo("app");
        assertThat(image.layers()).isEmpty();
        assertThat(image.filesystem().entries()).extracting(FileEntry::path).containsExactly("/");
    }

    // ---------------------------------------------------------------- 2. "manifests": null

    @ParameterizedTest
    @EnumSource(Form.class)
    void anIndexWhoseManifestsAreNullIsNotAnImage(Form form) {
        // GIVEN an OCI layout whose index.json says "manifests": null (blobs present, but nothing names them)
        Layout layout = new Layout();
        layout.manifest(layout.config(imageConfig("amd64")));
        Path path = layout.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8))
                .put("index.json", "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":null}")
                .write(form, dir.resolve("null-manifests"));

        // WHEN it is read THEN it is refused as not an image, naming the layout, not with a NullPointerException
        assertRefused(() -> ContainerImage.fromOciLayout(path).config(), Reason.NOT_AN_IMAGE)
                .hasMessageContaining(path.toAbsolutePath().toString())
                .hasMessageContaining("the index lists no image manifest");
    }

    // ---------------------------------------------------------------- 3. no platform

    @ParameterizedTest
    @EnumSource(Form.class)
    void anIndexEntryWithoutPlatformIsReadWhenItIsTheOnlyImage(Form form) {
        // GIVEN an index whose only entry has no platform; the config says arm64, so neither the host's
        //       platform nor linux/amd64 can select it by platform
        Layout layout = new Layout();
        byte[] tar = new LayerTar().dir("/app").file("/app/arch", "arm64").bytes();
        ObjectNode manifest = layout.manifest(layout.config(imageConfig("arm64", tar)), layout.blob(OCI_LAYER_GZIP, gzip(tar)));
        Path path = layout.topIndex(manifest).write(form, dir.resolve("no-platform"));

        // WHEN it is read without naming a platform
        ContainerImage image = ContainerImage.fromOciLayout(path);

        // THEN it is that image, its platform taken from its config
        assertThat(image.platform()).isEqualTo(Platform.parse("linux/arm64"));
        assertThat(image.readString("/app/arch")).contains("arm64");
        ImageAssertions.assertThat(image).hasFile("/app/arch");

        // AND asking for a platform explicitly does not match an entry that names none
        assertRefused(() -> ContainerImage.fromOciLayout(path, Platform.parse("linux/arm64")).config(), Reason.NO_MATCHING_PLATFORM)
                .hasMessageContaining("has no image for platform linux/arm64")
                .hasMessageContaining("Platforms present: [(unspecified)]");
    }

    // ---------------------------------------------------------------- 4. attestations

    @ParameterizedTest
    @EnumSource(Form.class)
    void attestationManifestsBesideTheImageAreSkipped(Form form) {
        // GIVEN a BuildKit-style index: an amd64 image and its provenance attestation (unknown/unknown, annotated)
        Layout layout = new Layout();
        byte[] tar = new LayerTar().dir("/app").file("/app/arch", "amd64").bytes();
        ObjectNode amd64 = withPlatform(
                layout.manifest(layout.config(imageConfig("amd64", tar)), layout.blob(OCI_LAYER_GZIP, gzip(tar))), "linux/amd64");
        ObjectNode attestation = attestationFor(layout, amd64, true, true);
        Path path = layout.topIndex(attestation, amd64).write(form, dir.resolve("attested"));

        // WHEN it is read without naming a platform
        ContainerImage image = ContainerImage.fromOciLayout(path);

        // THEN it is the amd64 image
        assertThat(image.platform()).isEqualTo(Platform.LINUX_AMD64);
        assertThat(image.readString("/app/arch")).contains("amd64");

        // AND the attestation is no platform the layout offers
        assertRefused(() -> ContainerImage.fromOciLayout(path, Platform.parse("linux/s390x")).config(), Reason.NO_MATCHING_PLATFORM)
                .hasMessageContaining("Platforms present: [linux/amd64].");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void anAttestationIsNoCandidateEvenBesideTheOnlyImage(Form form) {
        // GIVEN an arm64-only image and its attestation: were the attestation a candidate, there would be two
        //       manifests and none for the host's platform or linux/amd64, so no default choice
        Layout layout = new Layout();
        byte[] tar = new LayerTar().file("/arch", "arm64").bytes();
        ObjectNode arm64 = withPlatform(
                layout.manifest(layout.config(imageConfig("arm64", tar)), layout.blob(OCI_LAYER, tar)), "linux/arm64");
        Path path = layout.topIndex(arm64, attestationFor(layout, arm64, true, true)).write(form, dir.resolve("arm-attested"));

        // WHEN it is read without naming a platform THEN the one image is read
        ContainerImage image = ContainerImage.fromOciLayout(path);
        assertThat(image.platform()).isEqualTo(Platform.parse("linux/arm64"));
        assertThat(image.readString("/arch")).contains("arm64");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void anIndexOfOnlyAttestationsIsNotAnImage(Form form) {
        // GIVEN an index listing two attestations and no image: one known by its annotation alone, one by its
        //       unknown/unknown platform alone
        Layout layout = new Layout();
        byte[] tar = new LayerTar().file("/a", "a").bytes();
        ObjectNode image = withPlatform(layout.manifest(layout.config(imageConfig("amd64", tar)), layout.blob(OCI_LAYER, tar)),
                "linux/amd64");
        Path path = layout.topIndex(attestationFor(layout, image, true, false), attestationFor(layout, image, false, true))
                .write(form, dir.resolve("only-attestations"));

        // WHEN it is read THEN it is not an image, and the message says that attestations are not images
        assertRefused(() -> ContainerImage.fromOciLayout(path).config(), Reason.NOT_AN_IMAGE)
                .hasMessageContaining(path.toAbsolutePath().toString())
                .hasMessageContaining("lists no image manifest")
                .hasMessageContaining("attestations");
    }

    // ---------------------------------------------------------------- 5. nested indexes

    @ParameterizedTest
    @EnumSource(Form.class)
    void aNestedIndexIsFollowedToItsManifest(Form form) {
        // GIVEN index.json -> index blob -> manifest (amd64), next to another nested index holding arm64
        Layout layout = new Layout();
        byte[] amdTar = new LayerTar().file("/arch", "amd64").bytes();
        byte[] armTar = new LayerTar().file("/arch", "arm64").bytes();
        ObjectNode amd64 = withPlatform(
                layout.manifest(layout.config(imageConfig("amd64", amdTar)), layout.blob(OCI_LAYER_GZIP, gzip(amdTar))), "linux/amd64");
        ObjectNode arm64 = withPlatform(
                layout.manifest(layout.config(imageConfig("arm64", armTar)), layout.blob(OCI_LAYER_GZIP, gzip(armTar))), "linux/arm64");
        Path path = layout.topIndex(layout.index(arm64), layout.index(layout.index(amd64)))
                .write(form, dir.resolve("nested"));

        // WHEN each platform is read THEN each is found through its nested index
        assertThat(ContainerImage.fromOciLayout(path, Platform.LINUX_AMD64).readString("/arch")).contains("amd64");
        assertThat(ContainerImage.fromOciLayout(path, Platform.parse("linux/arm64")).readString("/arch")).contains("arm64");
        assertThat(ContainerImage.fromOciLayout(path).platform()).isEqualTo(Platform.LINUX_AMD64);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void indexesAreFollowedFourDeepAndRefusedDeeper(Form form) {
        // GIVEN a manifest under four nested index blobs (index.json -> 1 -> 2 -> 3 -> 4 -> manifest)
        Layout layout = new Layout();
        byte[] tar = new LayerTar().file("/deep", "four").bytes();
        ObjectNode descriptor = withPlatform(
                layout.manifest(layout.config(imageConfig("amd64", tar)), layout.blob(OCI_LAYER, tar)), "linux/amd64");
        ObjectNode innermost = layout.index(descriptor);
        descriptor = innermost;
        for (int i = 1; i < 4; i++) {
            descriptor = layout.index(descriptor);
        }
        Path four = layout.topIndex(descriptor).write(form, dir.resolve("four"));

        // WHEN it is read THEN the image is found
        assertThat(ContainerImage.fromOciLayout(four).readString("/deep")).contains("four");

        // GIVEN one more level (five index blobs under index.json)
        ObjectNode fifth = layout.index(descriptor);
        Path five = layout.topIndex(fifth).write(form, dir.resolve("five"));

        // WHEN it is read THEN it is refused, naming the index one level too deep (the innermost)
        assertRefused(() -> ContainerImage.fromOciLayout(five).config(), Reason.NOT_AN_IMAGE)
                .hasMessageContaining(five.toAbsolutePath().toString())
                .hasMessageContaining("indexes are nested more than 4 deep")
                .hasMessageContaining("(at " + innermost.get("digest").asText() + ")");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void anIndexReachedManyTimesIsFollowedOnce(Form form) {
        // GIVEN a manifest without platform (arm64 config) reachable by many paths: index.json lists index A and
        //       index B, B lists A and the manifest again, and A is the top of a chain of four indexes each listing
        //       the next 100 times (10^8 paths: walking every path would not end in time). Content addressing makes
        //       a true cycle impossible (a blob cannot hold its own digest); this is the closest an archive gets
        Layout layout = new Layout();
        byte[] tar = new LayerTar().file("/once", "once").bytes();
        ObjectNode manifest = layout.manifest(layout.config(imageConfig("arm64", tar)), layout.blob(OCI_LAYER, tar));
        ObjectNode chain = manifest;
        for (int level = 0; level < 4; level++) {
            ObjectNode[] copies = new ObjectNode[100];
            Arrays.fill(copies, chain);
            chain = layout.index(copies);
        }
        ObjectNode b = layout.index(chain, manifest);
        Path path = layout.topIndex(chain, b).write(form, dir.resolve("diamond"));

        // WHEN it is read without naming a platform
        ContainerImage image = ContainerImage.fromOciLayout(path);

        // THEN the walk ends and finds one manifest (two would leave no default choice for a platform-less entry)
        assertThat(image.platform()).isEqualTo(Platform.parse("linux/arm64"));
        assertThat(image.readString("/once")).contains("once");
    }

    // ---------------------------------------------------------------- 6. Docker schema 1

    @ParameterizedTest
    @EnumSource(Form.class)
    void aSchema1ManifestNamedByItsMediaTypeIsUnsupported(Form form) {
        // GIVEN an index whose entry is a signed Docker schema 1 manifest
        Layout layout = new Layout();
        ObjectNode schema1 = layout.document(SCHEMA1_SIGNED, schema1Manifest());
        Path path = layout.topIndex(withPlatform(schema1, "linux/amd64")).write(form, dir.resolve("schema1"));

        // WHEN it is read THEN it is refused as schema 1, with the way out
        assertRefused(() -> ContainerImage.fromOciLayout(path).config(), Reason.UNSUPPORTED_FORMAT)
                .hasMessageContaining(schema1.get("digest").asText())
                .hasMessageContaining("is a Docker schema 1 manifest")
                .hasMessageContaining("Push the image again with a current client");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aSchema1ManifestKnownOnlyByItsSchemaVersionIsUnsupported(Form form) {
        // GIVEN an index entry that gives no media type, leading to a document with "schemaVersion": 1
        Layout layout = new Layout();
        ObjectNode entry = layout.document(SCHEMA1_SIGNED, schema1Manifest());
        entry.remove("mediaType");
        Path path = layout.topIndex(entry).write(form, dir.resolve("schema1-untyped"));

        // WHEN it is read THEN it is refused as schema 1, not as a manifest without config
        assertRefused(() -> ContainerImage.fromOciLayout(path).config(), Reason.UNSUPPORTED_FORMAT)
                .hasMessageContaining("is a Docker schema 1 manifest")
                .hasMessageContaining("Push the image again with a current client");
    }

    // ---------------------------------------------------------------- 7. non-distributable layers

    @ParameterizedTest
    @EnumSource(Form.class)
    void anAbsentNonDistributableOciLayerIsNamedWithItsUrls(Form form) {
        // GIVEN an image whose base layer is non-distributable: its descriptor has urls, its blob is not in the layout
        Layout layout = new Layout();
        byte[] base = new LayerTar().file("/Windows/System32/kernel32.dll", "MZ").bytes();
        byte[] app = new LayerTar().file("/app/app.exe", "MZ app").bytes();
        ObjectNode foreign = layout.blob(OCI_NON_DISTRIBUTABLE_GZIP, gzip(base));
        foreign.putArray("urls").add(FOREIGN_URL);
        layout.remove(foreign);
        ObjectNode manifest = layout.manifest(layout.config(imageConfig("amd64", base, app)), foreign,
                layout.blob(OCI_LAYER_GZIP, gzip(app)));
        Path path = layout.topIndex(withPlatform(manifest, "linux/amd64")).write(form, dir.resolve("foreign"));

        // WHEN it is read THEN it is refused as non-distributable, naming the layer's digest and where it lives
        assertRefused(() -> ContainerImage.fromOciLayout(path).config(), Reason.NON_DISTRIBUTABLE_LAYER)
                .hasMessageContaining("Layer 0 (" + foreign.get("digest").asText() + ")")
                .hasMessageContaining("is non-distributable (" + OCI_NON_DISTRIBUTABLE_GZIP + ")")
                .hasMessageContaining("its descriptor points to [" + FOREIGN_URL + "]");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void anAbsentDockerForeignLayerIsNamedWithItsUrls(Form form) {
        // GIVEN a Docker schema 2 manifest whose base layer is a foreign layer, absent from the layout
        Layout layout = new Layout();
        byte[] base = new LayerTar().file("/Windows/System32/ntdll.dll", "MZ").bytes();
        ObjectNode foreign = layout.blob(DOCKER_FOREIGN, gzip(base));
        foreign.putArray("urls").add(FOREIGN_URL).add(FOREIGN_URL.replace("base", "mirror"));
        layout.remove(foreign);
        ObjectNode manifest = layout.document(DOCKER_MANIFEST, manifestDocument(DOCKER_MANIFEST,
                layout.blob(DOCKER_CONFIG, json(imageConfig("amd64", base))), foreign));
        Path path = layout.topIndex(withPlatform(manifest, "linux/amd64")).write(form, dir.resolve("docker-foreign"));

        // WHEN it is read THEN it is refused as non-distributable, naming the digest and both URLs
        assertRefused(() -> ContainerImage.fromOciLayout(path).config(), Reason.NON_DISTRIBUTABLE_LAYER)
                .hasMessageContaining(foreign.get("digest").asText())
                .hasMessageContaining(DOCKER_FOREIGN)
                .hasMessageContaining("[" + FOREIGN_URL + ", " + FOREIGN_URL.replace("base", "mirror") + "]");
    }

    @Test
    void anAbsentForeignLayerOfADockerSaveArchiveIsNamedWithItsUrls() {
        // GIVEN a Docker 25+ save archive whose manifest.json names a foreign layer (LayerSources) it does not carry
        Layout layout = new Layout();
        byte[] base = new LayerTar().file("/Windows/win.ini", "[fonts]").bytes();
        ObjectNode config = layout.config(imageConfig("amd64", base));
        ObjectNode foreign = layout.blob(DOCKER_FOREIGN, gzip(base));
        foreign.putArray("urls").add(FOREIGN_URL);
        layout.remove(foreign);
        layout.topIndex(withPlatform(layout.manifest(config, foreign), "linux/amd64"));
        Path tar = layout.dockerManifest("win:1", config, foreign).write(Form.TAR, dir.resolve("save-foreign"));

        // WHEN it is read THEN it is refused as non-distributable, not as an incomplete archive
        assertRefused(() -> ContainerImage.fromArchive(tar).config(), Reason.NON_DISTRIBUTABLE_LAYER)
                .hasMessageContaining(foreign.get("digest").asText())
                .hasMessageContaining(DOCKER_FOREIGN)
                .hasMessageContaining(FOREIGN_URL);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aNonDistributableLayerTheLayoutCarriesIsRead(Form form) {
        // GIVEN a non-distributable layer whose blob was copied into the layout after all
        Layout layout = new Layout();
        byte[] base = new LayerTar().dir("/Windows").file("/Windows/win.ini", "[fonts]").bytes();
        ObjectNode foreign = layout.blob(OCI_NON_DISTRIBUTABLE_GZIP, gzip(base));
        foreign.putArray("urls").add(FOREIGN_URL);
        ObjectNode manifest = layout.manifest(layout.config(imageConfig("amd64", base)), foreign);
        Path path = layout.topIndex(withPlatform(manifest, "linux/amd64")).write(form, dir.resolve("carried"));

        // WHEN it is read THEN its files are the image's
        ContainerImage image = ContainerImage.fromOciLayout(path);
        assertThat(image.layers()).extracting(Layer::mediaType).containsExactly(OCI_NON_DISTRIBUTABLE_GZIP);
        assertThat(image.readString("/Windows/win.ini")).contains("[fonts]");
    }

    // ---------------------------------------------------------------- 8. eStargz

    @ParameterizedTest
    @EnumSource(Form.class)
    void anEstargzLayerShowsItsFilesAndNotItsTableOfContentsOrLandmark(Form form) {
        // GIVEN an eStargz layer (landmark first, files, TOC last, gzip in members) annotated with its TOC digest
        Path path = estargzLayout(Estargz.of(nonce()), true, form, dir.resolve("estargz"));

        // WHEN it is read
        ContainerImage image = ContainerImage.fromOciLayout(path);

        // THEN the files are there, the three eStargz entries are not, and the files after the skipped landmark
        //      read their own bytes
        ImageAssertions.assertThat(image).hasFile("/app/first").hasFile("/app/second").hasFile("/etc/motd")
                .doesNotHaveFile("/stargz.index.json").doesNotHaveFile("/.no.prefetch.landmark")
                .doesNotHaveFile("/.prefetch.landmark");
        assertThat(image.filesystem().entries()).extracting(FileEntry::path)
                .containsExactly("/", "/app", "/app/first", "/app/second", "/etc", "/etc/motd", "/nonce");
        assertThat(image.readString("/app/first")).contains("first file");
        assertThat(image.readString("/app/second")).contains("second file");
        assertThat(image.readString("/etc/motd")).contains("welcome");
    }

    @Test
    void anEstargzLayerReadStraightFromTheSourceKeepsEntryOrdinalsAligned() {
        // GIVEN the annotated eStargz layout, read with the layer store off: every content read is then a scan of
        //       the layer tar that counts entries, and the skipped TOC and landmarks must not be counted
        Path path = estargzLayout(Estargz.of(nonce()), true, Form.TAR, dir.resolve("estargz-scan"));

        // WHEN files after the landmark are read
        LoadedImage image = LoadedImage.of(ArchiveSource.ociLayout(path, null), Optional.empty());

        // THEN each reads its own bytes
        assertThat(image.readString("/app/first")).contains("first file");
        assertThat(image.readString("/app/second")).contains("second file");
        assertThat(image.readString("/etc/motd")).contains("welcome");
        assertThat(image.file("/stargz.index.json")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void withoutTheAnnotationTheSameTarsTocIsAnOrdinaryFile(Form form) {
        // GIVEN the same eStargz tar, its descriptor not annotated
        Path path = estargzLayout(Estargz.of(nonce()), false, form, dir.resolve("plain"));

        // WHEN it is read
        ContainerImage image = ContainerImage.fromOciLayout(path);

        // THEN the TOC and the landmark are files like any other
        ImageAssertions.assertThat(image).hasFile("/stargz.index.json").hasFile("/.no.prefetch.landmark").hasFile("/app/second");
        assertThat(image.readString("/stargz.index.json")).hasValueSatisfying(toc -> assertThat(toc).contains("\"entries\""));
        assertThat(image.readString("/app/second")).contains("second file");
    }

    @Test
    void aLayerReadAsEstargzFirstIsStillAPlainLayerWhereItsDescriptorIsNotAnnotated() {
        // GIVEN the same layer tar (so the same diff id) in two layouts: annotated as eStargz in one, not in the other
        Estargz layer = Estargz.of(nonce());
        Path estargz = estargzLayout(layer, true, Form.TAR, dir.resolve("estargz-first"));
        Path ordinary = estargzLayout(layer, false, Form.TAR, dir.resolve("plain-second"));

        // WHEN the eStargz image is read first, then the plain one, in one JVM (sharing the layer store)
        ImageAssertions.assertThat(ContainerImage.fromOciLayout(estargz)).doesNotHaveFile("/stargz.index.json");
        ContainerImage second = ContainerImage.fromOciLayout(ordinary);

        // THEN the plain reading has the TOC and the landmark as files: what the first reading skipped is not carried over
        ImageAssertions.assertThat(second).hasFile("/stargz.index.json").hasFile("/.no.prefetch.landmark");
    }

    @Test
    void aLayerReadAsAPlainLayerFirstIsStillEstargzWhereItsDescriptorIsAnnotated() {
        // GIVEN the same layer tar in two layouts, as above
        Estargz layer = Estargz.of(nonce());
        Path ordinary = estargzLayout(layer, false, Form.TAR, dir.resolve("plain-first"));
        Path estargz = estargzLayout(layer, true, Form.TAR, dir.resolve("estargz-second"));

        // WHEN the plain image is read first, then the eStargz one
        ImageAssertions.assertThat(ContainerImage.fromOciLayout(ordinary)).hasFile("/stargz.index.json");
        ContainerImage second = ContainerImage.fromOciLayout(estargz);

        // THEN the eStargz reading hides the TOC and the landmark, and its files read their own bytes
        ImageAssertions.assertThat(second).doesNotHaveFile("/stargz.index.json").doesNotHaveFile("/.no.prefetch.landmark");
        assertThat(second.readString("/app/second")).contains("second file");
    }

    @Test
    void anEstargzLayerOfADockerSaveArchiveIsKnownByItsLayerSource() {
        // GIVEN a Docker 25+ save archive whose LayerSources descriptor carries the eStargz TOC annotation
        Estargz layer = Estargz.of(nonce());
        Layout layout = new Layout();
        ObjectNode config = layout.config(imageConfig("amd64", layer.tar()));
        ObjectNode descriptor = layout.blob(OCI_LAYER_GZIP, layer.blob());
        descriptor.putObject("annotations").put(ESTARGZ_TOC, layer.tocDigest());
        layout.topIndex(withPlatform(layout.manifest(config, descriptor), "linux/amd64"));
        Path tar = layout.dockerManifest("lazy:1", config, descriptor).write(Form.TAR, dir.resolve("save-estargz"));

        // WHEN it is read
        ContainerImage image = ContainerImage.fromArchive(tar);

        // THEN the eStargz entries are hidden and the files read their own bytes
        ImageAssertions.assertThat(image).hasFile("/app/second").doesNotHaveFile("/stargz.index.json")
                .doesNotHaveFile("/.no.prefetch.landmark");
        assertThat(image.readString("/app/second")).contains("second file");
    }

    // ---------------------------------------------------------------- 9. Docker 25+ docker save

    @Test
    void aDocker25SaveArchiveIsReadThroughItsManifestJson() {
        // GIVEN a Docker 25+ save tar: an OCI layout (index.json, oci-layout, blobs/sha256/...) and a manifest.json
        //       naming the same blobs by blobs/sha256/<hex>, with LayerSources; the index names the image
        //       differently, so the reference tells which document was read
        Layout layout = new Layout();
        byte[] base = new LayerTar().dir("/etc").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n").bytes();
        byte[] app = new LayerTar().dir("/app").file("/app/server", "binary".getBytes(StandardCharsets.UTF_8), 0755, 0, 0).bytes();
        ObjectNode config = layout.config(imageConfig("amd64", base, app));
        ObjectNode baseLayer = layout.blob(OCI_LAYER, base);
        ObjectNode appLayer = layout.blob(OCI_LAYER_GZIP, gzip(app));
        ObjectNode manifest = withPlatform(layout.manifest(config, baseLayer, appLayer), "linux/amd64");
        manifest.putObject("annotations").put("org.opencontainers.image.ref.name", "from-index")
                .put("io.containerd.image.name", "app:25");
        Path tar = layout.topIndex(manifest).dockerManifest("app:25", config, baseLayer, appLayer)
                .write(Form.TAR, dir.resolve("docker25"));

        // WHEN it is read as a docker save archive
        ContainerImage image = ContainerImage.fromArchive(tar);

        // THEN manifest.json was read: its tag, its layers (with LayerSources' media types and sizes), the files
        assertThat(image.reference()).isEqualTo("app:25");
        assertThat(image.config().user()).isEqualTo("app");
        assertThat(image.layers()).extracting(Layer::mediaType).containsExactly(OCI_LAYER, OCI_LAYER_GZIP);
        assertThat(image.layers()).extracting(Layer::digest)
                .containsExactly(baseLayer.get("digest").asText(), appLayer.get("digest").asText());
        assertThat(image.metadata().compressedSize()).contains((long) base.length + gzip(app).length);
        ImageAssertions.assertThat(image).hasFile("/etc/passwd").hasFile("/app/server");
        assertThat(image.readString("/app/server")).contains("binary");
    }

    // ---------------------------------------------------------------- 10. a media type that is no layer

    @ParameterizedTest
    @EnumSource(Form.class)
    void aLayerWhoseMediaTypeIsNoLayerTypeIsRefused(Form form) {
        // GIVEN an ordinary image manifest whose second layer is an in-toto statement
        Layout layout = new Layout();
        byte[] tar = new LayerTar().file("/a", "a").bytes();
        byte[] statement = "{\"_type\":\"statement\"}".getBytes(StandardCharsets.UTF_8);
        ObjectNode notALayer = layout.blob(IN_TOTO, statement);
        ObjectNode manifest = layout.manifest(layout.config(imageConfig("amd64", tar, statement)),
                layout.blob(OCI_LAYER, tar), notALayer);
        Path path = layout.topIndex(withPlatform(manifest, "linux/amd64")).write(form, dir.resolve("in-toto"));

        // WHEN it is read THEN the layer is refused by its media type, with its digest
        assertRefused(() -> ContainerImage.fromOciLayout(path).config(), Reason.UNKNOWN_MEDIA_TYPE)
                .hasMessageContaining("Layer " + notALayer.get("digest").asText())
                .hasMessageContaining("has media type '" + IN_TOTO + "', which is not an OCI or Docker layer type")
                .hasMessageContaining(OCI_LAYER_GZIP);
    }

    @Test
    void aDockerSaveLayerSourceWhoseMediaTypeIsNoLayerTypeIsRefused() {
        // GIVEN a Docker 25+ save archive whose LayerSources give a layer the in-toto media type
        Layout layout = new Layout();
        byte[] statement = "{\"_type\":\"statement\"}".getBytes(StandardCharsets.UTF_8);
        ObjectNode config = layout.config(imageConfig("amd64", statement));
        ObjectNode notALayer = layout.blob(IN_TOTO, statement);
        layout.topIndex(withPlatform(layout.manifest(config, notALayer), "linux/amd64"));
        Path tar = layout.dockerManifest("odd:1", config, notALayer).write(Form.TAR, dir.resolve("save-in-toto"));

        // WHEN it is read THEN it is refused by the media type
        assertRefused(() -> ContainerImage.fromArchive(tar).config(), Reason.UNKNOWN_MEDIA_TYPE)
                .hasMessageContaining(notALayer.get("digest").asText())
                .hasMessageContaining("has media type '" + IN_TOTO + "'");
    }

    // ================================================================ helpers

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(ThrowingCallable read, Reason reason) {
        return assertThatThrownBy(read).isInstanceOfSatisfying(InvalidImageException.class,
                e -> assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(reason));
    }

    /** Makes the layer unique to this run, so that no layer stored by an earlier run answers for it. */
    private static String nonce() {
        return UUID.randomUUID().toString();
    }

    /** A one-layer amd64 OCI layout of an eStargz layer, its descriptor annotated with the TOC digest or not. */
    private static Path estargzLayout(Estargz layer, boolean annotated, Form form, Path where) {
        Layout layout = new Layout();
        ObjectNode descriptor = layout.blob(OCI_LAYER_GZIP, layer.blob());
        if (annotated) {
            descriptor.putObject("annotations").put(ESTARGZ_TOC, layer.tocDigest());
        }
        ObjectNode manifest = layout.manifest(layout.config(imageConfig("amd64", layer.tar())), descriptor);
        return layout.topIndex(withPlatform(manifest, "linux/amd64")).write(form, where);
    }

    /** An image config with user {@code app}, one history step per layer and the layers' diff ids. */
    private static ObjectNode imageConfig(String architecture, byte[]... layerTars) {
        ObjectNode config = JSON.createObjectNode().put("architecture", architecture).put("os", "linux");
        config.putObject("config").put("User", "app").putArray("Env").add("PATH=/usr/bin:/bin");
        ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        ArrayNode history = config.putArray("history");
        for (int i = 0; i < layerTars.length; i++) {
            diffIds.add(sha256(layerTars[i]));
            history.addObject().put("created", "2024-01-01T00:00:00Z").put("created_by", "COPY layer" + i + " / # buildkit");
        }
        return config;
    }

    private static ObjectNode manifestDocument(String mediaType, ObjectNode config, ObjectNode... layers) {
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", mediaType);
        manifest.set("config", config);
        ArrayNode list = manifest.putArray("layers");
        for (ObjectNode layer : layers) {
            list.add(layer);
        }
        return manifest;
    }

    private static ObjectNode indexDocument(ObjectNode... manifests) {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OCI_INDEX);
        ArrayNode list = index.putArray("manifests");
        for (ObjectNode m : manifests) {
            list.add(m);
        }
        return index;
    }

    /** A copy of the descriptor with a platform ({@code os/arch}). */
    private static ObjectNode withPlatform(ObjectNode descriptor, String platform) {
        String[] parts = platform.split("/");
        ObjectNode copy = descriptor.deepCopy();
        copy.putObject("platform").put("os", parts[0]).put("architecture", parts[1]);
        return copy;
    }

    /**
     * A BuildKit attestation manifest for {@code image} (config unknown/unknown, one in-toto layer), written to the
     * layout; its descriptor marked by the reference-type annotation and/or the unknown/unknown platform.
     */
    private static ObjectNode attestationFor(Layout layout, ObjectNode image, boolean annotated, boolean unknownPlatform) {
        byte[] statement = ("{\"_type\":\"statement\",\"subject\":\"" + image.get("digest").asText() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode config = JSON.createObjectNode().put("architecture", "unknown").put("os", "unknown");
        config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add(sha256(statement));
        ObjectNode descriptor = layout.manifest(layout.config(config), layout.blob(IN_TOTO, statement));
        ObjectNode annotations = descriptor.putObject("annotations").put("vnd.docker.reference.digest", image.get("digest").asText());
        if (annotated) {
            annotations.put("vnd.docker.reference.type", "attestation-manifest");
        }
        if (unknownPlatform) {
            descriptor.putObject("platform").put("os", "unknown").put("architecture", "unknown");
        }
        return descriptor;
    }

    private static ObjectNode schema1Manifest() {
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 1).put("name", "library/old").put("tag", "1")
                .put("architecture", "amd64");
        manifest.putArray("fsLayers").addObject().put("blobSum", sha256("old layer".getBytes(StandardCharsets.UTF_8)));
        manifest.putArray("history").addObject().put("v1Compatibility", "{\"id\":\"" + "ab".repeat(32) + "\"}");
        manifest.putArray("signatures").addObject().put("signature", "c2lnbmF0dXJl").put("protected", "e30");
        return manifest;
    }

    /**
     * An eStargz layer: the tar (landmark first, then the files, then the TOC) and the blob, gzip in members
     * the way eStargz writes it (one per entry, then an empty footer member).
     */
    private record Estargz(byte[] tar, byte[] blob, String tocDigest) {

        static Estargz of(String nonce) {
            byte[] toc = ("{\"version\":1,\"entries\":[{\"name\":\"app/first\",\"type\":\"reg\"},"
                    + "{\"name\":\"app/second\",\"type\":\"reg\"},{\"name\":\"etc/motd\",\"type\":\"reg\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tar = new LayerTar()
                    .file("/.no.prefetch.landmark", new byte[] {0xf}, 0644, 0, 0)
                    .dir("/app")
                    .file("/app/first", "first file")
                    .file("/app/second", "second file")
                    .dir("/etc")
                    .file("/etc/motd", "welcome")
                    .file("/nonce", nonce)
                    .file("/stargz.index.json", toc, 0644, 0, 0)
                    .bytes();
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            for (int at = 0; at < tar.length; at += 1024) {
                blob.writeBytes(gzip(Arrays.copyOfRange(tar, at, Math.min(tar.length, at + 1024))));
            }
            blob.writeBytes(gzip(new byte[0]));
            return new Estargz(tar, blob.toByteArray(), sha256(toc));
        }
    }

    /** The files of an OCI layout or docker save archive, blobs named by their digests, written as a directory or a tar. */
    private static final class Layout {
        private final Map<String, byte[]> entries = new TreeMap<>();

        /** Writes a blob; returns its descriptor. */
        ObjectNode blob(String mediaType, byte[] data) {
            String digest = sha256(data);
            entries.put(blobName(digest), data);
            return JSON.createObjectNode().put("mediaType", mediaType).put("digest", digest).put("size", data.length);
        }

        ObjectNode document(String mediaType, JsonNode document) {
            return blob(mediaType, json(document));
        }

        ObjectNode config(ObjectNode config) {
            return document(OCI_CONFIG, config);
        }

        /** An OCI image manifest blob; returns its descriptor, without platform. */
        ObjectNode manifest(ObjectNode config, ObjectNode... layers) {
            return document(OCI_MANIFEST, manifestDocument(OCI_MANIFEST, config, layers));
        }

        /** A nested index blob; returns its descriptor. */
        ObjectNode index(ObjectNode... manifests) {
            return document(OCI_INDEX, indexDocument(manifests));
        }

        /** The layout's index.json and oci-layout. */
        Layout topIndex(ObjectNode... manifests) {
            put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            return put("index.json", json(indexDocument(manifests)));
        }

        /** A Docker 25+ manifest.json naming blobs by {@code blobs/sha256/<hex>}, with LayerSources. */
        Layout dockerManifest(String tag, ObjectNode config, ObjectNode... layers) {
            ArrayNode manifest = JSON.createArrayNode();
            ObjectNode image = manifest.addObject().put("Config", blobName(config.get("digest").asText()));
            image.putArray("RepoTags").add(tag);
            ArrayNode names = image.putArray("Layers");
            ObjectNode sources = image.putObject("LayerSources");
            for (ObjectNode layer : layers) {
                names.add(blobName(layer.get("digest").asText()));
                sources.set(layer.get("digest").asText(), layer);
            }
            return put("manifest.json", json(manifest));
        }

        Layout put(String name, byte[] data) {
            entries.put(name, data);
            return this;
        }

        Layout put(String name, String text) {
            return put(name, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Leaves the blob a descriptor names out of the layout. */
        Layout remove(ObjectNode descriptor) {
            entries.remove(blobName(descriptor.get("digest").asText()));
            return this;
        }

        /** Writes the layout to {@code where} (a directory) or {@code where.tar}; returns the path written. */
        Path write(Form form, Path where) {
            try {
                if (form == Form.DIRECTORY) {
                    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                        Path file = where.resolve(e.getKey());
                        Files.createDirectories(file.getParent());
                        Files.write(file, e.getValue());
                    }
                    return where;
                }
                Path file = where.resolveSibling(where.getFileName() + ".tar");
                try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                        entry.setSize(e.getValue().length);
                        tar.putArchiveEntry(entry);
                        tar.write(e.getValue());
                        tar.closeArchiveEntry();
                    }
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String blobName(String digest) {
        return "blobs/sha256/" + hex(digest);
    }

    private static String hex(String digest) {
        return digest.substring("sha256:".length());
    }

    private static String sha256(byte[] data) {
        return LayerTar.sha256(data);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
