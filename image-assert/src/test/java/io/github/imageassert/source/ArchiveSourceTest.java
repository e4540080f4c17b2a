package io.github.imageassert.source;

import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.image.InvalidImageException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.image.Layer;
import io.github.imageassert.image.Platform;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import io.github.imageassert.testing.RawTar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSourceTest {

    @TempDir
    Path dir;

    private static ImageArchive sample() {
        return new ImageArchive()
                .layer(new LayerTar().dir("/etc").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n")
                        .dir("/usr").dir("/usr/bin").symlink("/bin", "usr/bin"), "ADD rootfs.tar /")
                .emptyStep("ENV APP=1")
                .gzipLayer(new LayerTar().dir("/app").file("/app/server", "binary".getBytes(), 0755, 1000, 1000), "COPY server /app/server # buildkit")
                .zstdLayer(new LayerTar().dir("/app").whiteout("/app/server").file("/app/run", "ok"), "RUN /bin/sh -c rm /app/server # buildkit")
                .emptyStep("USER app")
                .config(c -> {
                    c.put("User", "app");
                    c.putArray("Entrypoint").add("/app/run");
                    c.putObject("ExposedPorts").putObject("8080/tcp");
                });
    }

    @Test
    void legacyDockerSaveLayout() {
        ImageArchive archive = new ImageArchive()
                .layer(new LayerTar().file("/hello", "hi"), "ADD hello /")
                .layer(new LayerTar().whiteout("/hello").file("/bye", "bye"), "RUN rm /hello");
        Path tar = archive.writeLegacyDockerSave(dir.resolve("legacy.tar"), "legacy:1");

        ContainerImage image = ContainerImage.fromArchive(tar);

        assertThat(image.reference()).isEqualTo("legacy:1");
        assertThat(image.file("/hello")).isEmpty();
        assertThat(image.readString("/bye")).contains("bye");
        assertThat(image.layers()).extracting(Layer::size).containsExactly(2L, 3L);
        assertThat(image.layers()).extracting(Layer::instruction).containsExactly("ADD hello /", "RUN rm /hello");
    }

    @Test
    void dockerSaveWithOciLayoutAndCompressedLayers() {
        Path tar = sample().writeOciDockerSave(dir.resolve("oci-save.tar"), "sample:runtime");

        ContainerImage image = ContainerImage.fromArchive(tar);

        assertThat(image.reference()).isEqualTo("sample:runtime");
        assertThat(image.config().user()).isEqualTo("app");
        assertThat(image.user().uid()).isEqualTo(1000L);
        assertThat(image.file("/app/server")).isEmpty();
        assertThat(image.file("/app/run")).isPresent();
        assertThat(image.layers()).extracting(Layer::mediaType).containsExactly("application/vnd.oci.image.layer.v1.tar",
                "application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.oci.image.layer.v1.tar+zstd");
        assertThat(image.metadata().compressedSize()).isPresent();
        assertThat(image.layers()).extracting(Layer::instruction)
                .containsExactly("ADD rootfs.tar /", "COPY server /app/server", "RUN /bin/sh -c rm /app/server");
        assertThat(image.metadata().history()).hasSize(5);
    }

    @Test
    void ociLayoutIndexChoosesThePlatform() {
        ImageArchive arm = new ImageArchive().architecture("arm64")
                .layer(new LayerTar().file("/arch", "arm64"), "ADD arch /");
        Path layout = sample().writeOciLayout(dir.resolve("layout"), arm);

        assertThat(ContainerImage.fromOciLayout(layout).platform()).isEqualTo(Platform.host());
        ContainerImage armImage = ContainerImage.fromOciLayout(layout, Platform.parse("linux/arm64"));
        assertThat(armImage.readString("/arch")).contains("arm64");
        assertThatThrownBy(() -> ContainerImage.fromOciLayout(layout, Platform.parse("linux/s390x")).config())
                .isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("has no image for platform linux/s390x. Platforms present: [linux/amd64, linux/arm64]");
    }

    @Test
    void missingArchiveSaysWhereItLooked() {
        assertThatThrownBy(() -> ContainerImage.fromArchive(dir.resolve("nope.tar")).config())
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageContaining("No image archive at " + dir.resolve("nope.tar").toAbsolutePath());
    }

    @Test
    void corruptAndTruncatedArchivesAreClearErrors() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.tar"), "this is not a tar at all".repeat(100).getBytes());
        assertThatThrownBy(() -> ContainerImage.fromArchive(garbage).config())
                .isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("garbage.tar");

        Path good = sample().writeOciDockerSave(dir.resolve("good.tar"), "sample:runtime");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.tar"), Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> ContainerImage.fromArchive(truncated).filesystem())
                .isInstanceOfAny(InvalidImageException.class, CorruptLayerException.class)
                .hasMessageContaining("truncated.tar");
    }

    @Test
    void badJsonMissingBlobAndLayerCountAreTypedErrors() throws Exception {
        Path layout = sample().writeOciLayout(dir.resolve("bad-json"));
        Files.writeString(layout.resolve("index.json"), "{ not json");
        assertThatThrownBy(() -> ContainerImage.fromOciLayout(layout).config())
                .isInstanceOfSatisfying(InvalidImageException.class, e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.BAD_JSON))
                .hasMessageContaining("index.json is not valid JSON");

        ImageArchive one = new ImageArchive().layer(new LayerTar().file("/a", "a"), "ADD a /");
        Path missing = one.writeOciLayout(dir.resolve("missing"));
        String layerDigest = LayerTar.sha256(new LayerTar().file("/a", "a").bytes()).substring(7);
        Files.delete(missing.resolve("blobs/sha256/" + layerDigest));
        assertThatThrownBy(() -> ContainerImage.fromOciLayout(missing).config())
                .isInstanceOfSatisfying(InvalidImageException.class, e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.MISSING_BLOB))
                .hasMessageContaining("has no blobs/sha256/" + layerDigest);

        Path counted = new ImageArchive().layer(new LayerTar().file("/a", "a"), "ADD a /")
                .rootConfig(root -> ((com.fasterxml.jackson.databind.node.ArrayNode) root.path("rootfs").path("diff_ids"))
                        .insert(0, "sha256:" + "0".repeat(64)))
                .writeOciLayout(dir.resolve("count"));
        assertThatThrownBy(() -> ContainerImage.fromOciLayout(counted).config())
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.LAYER_COUNT_MISMATCH))
                .hasMessageContaining("the config lists 2 layers (rootfs.diff_ids) but the manifest has 1");
    }

    @Test
    void aConfigChangedOnDiskNoLongerMatchesItsDigest() throws Exception {
        ImageArchive image = new ImageArchive().layer(new LayerTar().file("/a", "a"), "ADD a /").config(c -> c.put("User", "app"));
        Path layout = image.writeOciLayout(dir.resolve("edited"));
        Path config = layout.resolve("blobs/sha256/" + LayerTar.sha256(image.configJson()).substring(7));
        Files.writeString(config, Files.readString(config).replace("\"User\":\"app\"", "\"User\":\"0\""));

        assertThatThrownBy(() -> ContainerImage.fromOciLayout(layout).config())
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.DIGEST_MISMATCH))
                .hasMessageContaining("the image config sha256:");
    }

    @Test
    void unknownMediaTypeIsRefused() throws Exception {
        Path layout = new ImageArchive().layer(new LayerTar().file("/a", "a"), "ADD a /").writeOciLayout(dir.resolve("media"));
        try (var files = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path p : files.toList()) {
                String text = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.contains("\"layers\"")) {
                    // a consistent layout whose manifest names an unknown layer type: new manifest blob, index pointing at it
                    byte[] edited = text.replace("application/vnd.oci.image.layer.v1.tar", "application/x-mystery")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    String digest = LayerTar.sha256(edited);
                    Files.write(layout.resolve("blobs/sha256/" + digest.substring(7)), edited);
                    String index = Files.readString(layout.resolve("index.json"));
                    Files.writeString(layout.resolve("index.json"), index
                            .replace("sha256:" + p.getFileName(), digest)
                            .replaceAll("\"size\":\\s*" + text.length(), "\"size\":" + edited.length));
                }
            }
        }
        assertThatThrownBy(() -> ContainerImage.fromOciLayout(layout).config())
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.UNKNOWN_MEDIA_TYPE))
                .hasMessageContaining("has media type 'application/x-mystery', which is not an OCI or Docker layer type");
    }

    @Test
    void anEntryOfTheArchiveThatCannotBeReadIsATypedErrorNamingIt() throws Exception {
        // GIVEN docker save archives whose manifest.json, or whose layer, is a sparse entry with a map that ends
        // before its size (Commons Compress fails reading it with "Truncated TAR archive")
        byte[] layer = new LayerTar().file("/a", "a").bytes();
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + LayerTar.sha256(layer) + "\"]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String configName = LayerTar.sha256(config).substring(7) + ".json";
        byte[] manifest = ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"s:1\"],\"Layers\":[\"l/layer.tar\"]}]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path badManifest = Files.write(dir.resolve("manifest.tar"), new RawTar().file(configName, config).file("l/layer.tar", layer)
                .oldGnuSparse("manifest.json", manifest.length + 100, new long[][] {{0, manifest.length}}, manifest).end());
        Path badLayer = Files.write(dir.resolve("layer.tar"), new RawTar().file(configName, config).file("manifest.json", manifest)
                .oldGnuSparse("l/layer.tar", layer.length + 100, new long[][] {{0, layer.length}}, layer).end());

        // THEN each is refused as a corrupt archive, naming the entry (not an UncheckedIOException naming the file only)
        assertThatThrownBy(() -> ContainerImage.fromArchive(badManifest).config())
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.CORRUPT_ARCHIVE))
                .hasMessageContaining("manifest.tar is not a readable tar")
                .hasMessageContaining("the sparse map of 'manifest.json' ends at " + manifest.length);
        assertThatThrownBy(() -> ContainerImage.fromArchive(badLayer).filesystem())
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.CORRUPT_ARCHIVE))
                .hasMessageContaining("the sparse map of 'l/layer.tar' ends at " + layer.length);
    }

    @Test
    void aNulCharacterInALayerNameOrADigestIsATypedError() throws Exception {
        // GIVEN a docker save directory whose manifest.json names the layer and the config with a NUL inside, and an OCI
        // layout whose index names a manifest by a digest with a NUL inside (a path cannot hold a NUL)
        Path save = dir.resolve("save");
        Files.createDirectories(save);
        Path legacy = new ImageArchive().layer(new LayerTar().file("/a", "a"), "ADD a /").writeLegacyDockerSave(dir.resolve("l.tar"), "nul:1");
        try (var tar = new org.apache.commons.compress.archivers.tar.TarFile(legacy)) {
            for (var e : tar.getEntries()) {
                Path to = save.resolve(e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.write(to, tar.getInputStream(e).readAllBytes());
                }
            }
        }
        String manifest = Files.readString(save.resolve("manifest.json"));
        Path layout = new ImageArchive().layer(new LayerTar().file("/a", "a"), "ADD a /").writeOciLayout(dir.resolve("oci"));
        Files.writeString(layout.resolve("index.json"), Files.readString(layout.resolve("index.json")).replaceFirst("sha256:", "sha256:\\\\u0000"));

        Files.writeString(save.resolve("manifest.json"), manifest.replace("/layer.tar", "\\u0000/layer.tar"));
        assertThatThrownBy(() -> ContainerImage.fromArchive(save).config()).isInstanceOfSatisfying(InvalidImageException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.MISSING_BLOB));
        Files.writeString(save.resolve("manifest.json"), manifest.replace(".json\"", "\\u0000.json\""));
        assertThatThrownBy(() -> ContainerImage.fromArchive(save).config()).isInstanceOfSatisfying(InvalidImageException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.MISSING_BLOB));
        assertThatThrownBy(() -> ContainerImage.fromOciLayout(layout).config()).isInstanceOfSatisfying(InvalidImageException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.BAD_JSON)).hasMessageContaining("is not a sha256 digest");
    }

    @Test
    void aGlobalPaxHeaderInFrontOfAnArchiveIsIgnored() throws Exception {
        // GIVEN a docker save archive behind a global PAX header that names a path (Commons Compress gave every entry
        // that name, so the archive had no manifest.json); Go's reader, which docker load uses, ignores it
        Path valid = new ImageArchive().layer(new LayerTar().file("/a", "a"), "ADD a /").writeOciDockerSave(dir.resolve("valid.tar"), "g:1");
        byte[] records = RawTar.paxData(java.util.Map.of("path", "hijacked", "comment", "written by git archive"));
        Path global = dir.resolve("global.tar");
        Files.write(global, new RawTar().header("pax_global_header", 'g', records.length, "").data(records).bytes());
        Files.write(global, Files.readAllBytes(valid), java.nio.file.StandardOpenOption.APPEND);

        assertThat(ContainerImage.fromArchive(global).readString("/a")).contains("a");
    }
}
