package io.github.imageassert.testing.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Puts images into a {@link TestRegistry} with skopeo, and assembles multi-platform OCI layouts to push.
 *
 * <p>Why the layouts are assembled by hand rather than built with {@code docker buildx build --platform
 * linux/amd64,linux/arm64 --output type=oci}: the engine here (20.10, classic image store) refuses the OCI
 * exporter with its "docker" buildx driver, and the "docker-container" driver needs a BuildKit image that no
 * reachable registry serves. So each platform is an engine image exported with skopeo, its config relabelled
 * (architecture/os/variant) so config and index agree, and the index written with Jackson. The layers stay the
 * exporting machine's binaries: these images are for registry clients, not for running.
 */
public final class Push {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final Duration SKOPEO_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Push() {
    }

    /** Copies an engine image to {@code registry/repoTag}; returns the pushed manifest's digest. */
    public static String engineImage(String engineRef, TestRegistry registry, String repoTag) {
        return skopeoCopy(List.of(), "docker-daemon:" + engineRef, registry, repoTag);
    }

    /**
     * Copies the single image or index of an OCI layout ({@code --all}: every instance of an index) with skopeo;
     * returns the pushed manifest's digest. An index that lists an index is beyond skopeo 1.9, so with
     * {@code all} such a layout is uploaded over the registry API instead ({@link LayoutUpload}).
     */
    public static String ociLayout(Path layout, TestRegistry registry, String repoTag, boolean all) {
        if (all && hasNestedIndex(layout)) {
            return LayoutUpload.push(layout, registry, repoTag);
        }
        // --preserve-digests: fail rather than let skopeo convert, so the registry holds the layout's exact bytes.
        List<String> options = all ? List.of("--all", "--preserve-digests") : List.of("--preserve-digests");
        return skopeoCopy(options, "oci:" + layout, registry, repoTag);
    }

    private static boolean hasNestedIndex(Path layout) {
        try {
            JsonNode top = JSON.readTree(layout.resolve("index.json").toFile()).path("manifests").path(0);
            if (!OCI_INDEX.equals(top.path("mediaType").asText())) {
                return false;
            }
            for (JsonNode child : JSON.readTree(blob(layout, top.get("digest").asText()).toFile()).path("manifests")) {
                if (child.path("mediaType").asText().contains("index") || child.path("mediaType").asText().contains("list")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String skopeoCopy(List<String> options, String source, TestRegistry registry, String repoTag) {
        String skopeo = Tools.require("skopeo", "skopeo");
        Path digestFile = null;
        try {
            digestFile = Files.createTempFile("skopeo", ".digest");
            // --insecure-policy: the machine's policy.json may be missing or strict; these pushes are local only.
            List<String> command = new ArrayList<>(List.of(skopeo, "--insecure-policy", "copy", "-q", "--retry-times", "0",
                    "--digestfile", digestFile.toString()));
            command.addAll(options);
            if (registry.ca().isPresent()) {
                command.addAll(List.of("--dest-cert-dir", registry.ca().get().certDir().toString()));
            } else {
                command.add("--dest-tls-verify=false"); // lets skopeo fall back to plain HTTP
            }
            registry.credentials().ifPresent(c -> command.addAll(List.of("--dest-creds", c)));
            command.addAll(List.of(source, "docker://" + registry.host() + "/" + repoTag));
            Tools.run(SKOPEO_TIMEOUT, command);
            return Files.readString(digestFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Tools.deleteQuietly(digestFile);
        }
    }

    /**
     * Writes into the empty or missing directory {@code dir} an OCI layout whose only image is an index listing
     * {@code amd64Image} as linux/amd64 and {@code arm64Image} as linux/arm64/v8 (engine refs, may be the same),
     * tagged {@code latest}; plus, on request, a BuildKit-style attestation manifest for the amd64 one and a
     * nested index holding {@code arm64Image} as linux/arm/v7. Returns {@code dir}.
     */
    public static Path multiPlatformLayout(Path dir, String amd64Image, String arm64Image, boolean attestation,
            boolean nestedIndex) {
        try {
            ArrayNode entries = JSON.createArrayNode();
            ObjectNode amd64 = exportAs(dir, amd64Image, "amd64", null);
            entries.add(amd64);
            entries.add(exportAs(dir, arm64Image, "arm64", "v8"));
            if (attestation) {
                entries.add(attestationFor(dir, amd64.get("digest").asText()));
            }
            if (nestedIndex) {
                ArrayNode inner = JSON.createArrayNode().add(exportAs(dir, arm64Image, "arm", "v7"));
                entries.add(index(dir, inner)); // no platform: a client has to look inside
            }
            ObjectNode top = index(dir, entries);
            top.putObject("annotations").put("org.opencontainers.image.ref.name", "latest");
            ObjectNode layoutIndex = JSON.createObjectNode().put("schemaVersion", 2);
            layoutIndex.putArray("manifests").add(top);
            Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(layoutIndex));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exports an engine image into the layout and returns the descriptor of a copy relabelled to the platform. */
    private static ObjectNode exportAs(Path dir, String engineImage, String arch, String variant) throws IOException {
        String ref = "tmp-" + arch + (variant == null ? "" : variant);
        Tools.run(SKOPEO_TIMEOUT, Tools.require("skopeo", "skopeo"), "--insecure-policy", "copy", "-q",
                "docker-daemon:" + engineImage, "oci:" + dir + ":" + ref);
        JsonNode layoutIndex = JSON.readTree(dir.resolve("index.json").toFile());
        String manifestDigest = null;
        for (JsonNode m : layoutIndex.get("manifests")) {
            if (ref.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
                manifestDigest = m.get("digest").asText();
            }
        }
        if (manifestDigest == null) {
            throw new IllegalStateException("skopeo wrote no manifest tagged " + ref + " into " + dir);
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(blob(dir, manifestDigest).toFile());
        ObjectNode config = (ObjectNode) JSON.readTree(blob(dir, manifest.get("config").get("digest").asText()).toFile());
        config.put("architecture", arch).put("os", "linux");
        if (variant != null) {
            config.put("variant", variant);
        } else {
            config.remove("variant");
        }
        ObjectNode configDescriptor = write(dir, OCI_CONFIG, JSON.writeValueAsBytes(config));
        manifest.set("config", configDescriptor);
        ObjectNode descriptor = write(dir, OCI_MANIFEST, JSON.writeValueAsBytes(manifest));
        ObjectNode platform = descriptor.putObject("platform").put("architecture", arch).put("os", "linux");
        if (variant != null) {
            platform.put("variant", variant);
        }
        return descriptor;
    }

    /** An attestation manifest as BuildKit attaches it: unknown/unknown platform, an in-toto statement layer. */
    private static ObjectNode attestationFor(Path dir, String subjectDigest) throws IOException {
        ObjectNode statement = JSON.createObjectNode().put("_type", "https://in-toto.io/Statement/v0.1")
                .put("predicateType", "https://slsa.dev/provenance/v0.2");
        statement.putArray("subject").addObject().put("name", "pkg:docker/image-assert/test@latest")
                .putObject("digest").put("sha256", subjectDigest.substring("sha256:".length()));
        statement.putObject("predicate").put("buildType", "https://mobyproject.org/buildkit@v1")
                .putObject("builder").put("id", "image-assert-test");
        ObjectNode layer = write(dir, "application/vnd.in-toto+json", JSON.writeValueAsBytes(statement));
        layer.putObject("annotations").put("in-toto.io/predicate-type", "https://slsa.dev/provenance/v0.2");
        ObjectNode config = JSON.createObjectNode().put("architecture", "unknown").put("os", "unknown");
        config.putObject("config");
        config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add(layer.get("digest").asText());
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OCI_MANIFEST);
        manifest.set("config", write(dir, OCI_CONFIG, JSON.writeValueAsBytes(config)));
        manifest.putArray("layers").add(layer);
        ObjectNode descriptor = write(dir, OCI_MANIFEST, JSON.writeValueAsBytes(manifest));
        descriptor.putObject("platform").put("architecture", "unknown").put("os", "unknown");
        descriptor.putObject("annotations").put("vnd.docker.reference.digest", subjectDigest)
                .put("vnd.docker.reference.type", "attestation-manifest");
        return descriptor;
    }

    private static ObjectNode index(Path dir, ArrayNode entries) throws IOException {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OCI_INDEX);
        index.set("manifests", entries);
        return write(dir, OCI_INDEX, JSON.writeValueAsBytes(index));
    }

    /** Stores a blob in the layout; returns its descriptor. */
    private static ObjectNode write(Path dir, String mediaType, byte[] content) throws IOException {
        String digest = "sha256:" + sha256(content);
        Files.write(blob(dir, digest), content);
        return JSON.createObjectNode().put("mediaType", mediaType).put("digest", digest).put("size", content.length);
    }

    private static Path blob(Path dir, String digest) {
        return dir.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
    }

    /** Hex SHA-256 of {@code content}. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
