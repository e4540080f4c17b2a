package io.github.imageassert.internal.source;

import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.image.InvalidImageException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.imageassert.image.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the config and layer blobs of one image inside an archive: the {@code docker save} layout
 * ({@code manifest.json}, also written by Docker 25+ next to its OCI index) or an OCI image layout
 * ({@code index.json}, possibly an index of several platforms).
 */
public final class ArchiveLayout {

    /** Reads a named file of the archive, or empty when it is not there. */
    interface Files {
        Optional<byte[]> read(String name) throws IOException;

        String describe();
    }

    public record Resolved(String configName, List<LayerRef> layers, List<String> tags) {
    }

    private ArchiveLayout() {
    }

    public static Resolved resolve(Files files, String tag, Platform platform) throws IOException {
        Optional<byte[]> manifest = files.read("manifest.json");
        if (manifest.isPresent()) {
            return fromDockerManifest(files, manifest.get(), tag);
        }
        Optional<byte[]> index = files.read("index.json");
        if (index.isPresent()) {
            return fromOciIndex(files, ConfigParser.parse(index.get(), files.describe() + ": index.json"), platform);
        }
        throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE, files.describe()
                + " has neither manifest.json (docker save) nor index.json (OCI layout): it is not an image archive. "
                + "Create one with `docker save IMAGE -o FILE` or `skopeo copy ... oci:DIR`.");
    }

    private static Resolved fromDockerManifest(Files files, byte[] bytes, String tag) {
        JsonNode root;
        try {
            root = ConfigParser.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, files.describe()
                    + ": manifest.json is not valid JSON. The archive is corrupt; export the image again.", e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, files.describe()
                    + ": manifest.json lists no image. The archive is corrupt; export the image again.");
        }
        JsonNode chosen = null;
        List<String> allTags = new ArrayList<>();
        for (JsonNode m : root) {
            List<String> tags = ConfigParser.strings(m.path("RepoTags"));
            allTags.addAll(tags);
            if (tag == null ? chosen == null : tags.contains(tag) || tags.contains(tag + ":latest")) {
                chosen = m;
            }
        }
        if (chosen == null) {
            throw new ImageNotFoundException(files.describe() + " has no image tagged '" + tag + "'. It has: " + allTags);
        }
        if (tag == null && root.size() > 1) {
            throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE, files.describe() + " holds "
                    + root.size() + " images " + allTags + "; name the one to read with fromArchive(path, tag).");
        }
        List<LayerRef> layers = new ArrayList<>();
        JsonNode sources = chosen.path("LayerSources");
        for (String name : ConfigParser.strings(chosen.path("Layers"))) {
            String digest = name.startsWith("blobs/") ? name.substring(6).replace('/', ':') : null;
            JsonNode source = digest == null ? null : sources.get(digest);
            layers.add(new LayerRef(name, source == null ? null : source.path("mediaType").asText(null), digest,
                    source == null ? -1 : source.path("size").asLong(-1)).checked(files.describe()));
        }
        return new Resolved(chosen.path("Config").asText(), layers, ConfigParser.strings(chosen.path("RepoTags")));
    }

    private static Resolved fromOciIndex(Files files, JsonNode index, Platform wanted) throws IOException {
        List<JsonNode> manifests = new ArrayList<>();
        collectManifests(files, index, manifests, 0);
        if (manifests.isEmpty()) {
            throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE,
                    files.describe() + ": index.json lists no image manifest.");
        }
        Platform target = wanted != null ? wanted : Platform.host();
        JsonNode chosen = pick(manifests, target);
        if (chosen == null && wanted == null) {
            chosen = pick(manifests, Platform.LINUX_AMD64);
        }
        if (chosen == null && manifests.size() == 1 && wanted == null) {
            chosen = manifests.get(0);
        }
        if (chosen == null) {
            TreeSet<String> available = new TreeSet<>();
            manifests.forEach(m -> available.add(platformOf(m).map(Platform::toString).orElse("(unspecified)")));
            throw new InvalidImageException(InvalidImageException.Reason.NO_MATCHING_PLATFORM, files.describe()
                    + " has no image for platform " + target + ". Platforms present: " + available
                    + ". Choose one with LoadedImage.fromOciLayout(path, Platform.parse(\"os/arch\")).");
        }
        JsonNode manifest = ConfigParser.parse(readBlob(files, chosen.path("digest").asText(), "image manifest"),
                files.describe() + ": manifest " + chosen.path("digest").asText());
        List<LayerRef> layers = new ArrayList<>();
        for (JsonNode l : manifest.path("layers")) {
            String digest = l.path("digest").asText();
            layers.add(new LayerRef(blobName(digest), l.path("mediaType").asText(null), digest, l.path("size").asLong(-1))
                    .checked(files.describe()));
        }
        String tag = chosen.path("annotations").path("org.opencontainers.image.ref.name").asText(null);
        return new Resolved(blobName(manifest.path("config").path("digest").asText()), layers,
                tag == null ? List.of() : List.of(tag));
    }

    private static void collectManifests(Files files, JsonNode index, List<JsonNode> out, int depth) throws IOException {
        for (JsonNode d : index.path("manifests")) {
            String type = d.path("mediaType").asText("");
            if (type.endsWith("image.index.v1+json") || type.endsWith("manifest.list.v2+json")) {
                if (depth < 4) {
                    String digest = d.path("digest").asText();
                    collectManifests(files, ConfigParser.parse(readBlob(files, digest, "image index"),
                            files.describe() + ": index " + digest), out, depth + 1);
                }
            } else if (!"attestation-manifest".equals(d.path("annotations").path("vnd.docker.reference.type").asText())) {
                out.add(d);
            }
        }
    }

    private static JsonNode pick(List<JsonNode> manifests, Platform target) {
        for (JsonNode m : manifests) {
            if (platformOf(m).map(target::matches).orElse(false)) {
                return m;
            }
        }
        return null;
    }

    private static Optional<Platform> platformOf(JsonNode descriptor) {
        JsonNode p = descriptor.path("platform");
        if (p.isMissingNode() || !p.hasNonNull("os")) {
            return Optional.empty();
        }
        return Optional.of(new Platform(p.path("os").asText(), p.path("architecture").asText(""),
                p.path("variant").asText(null)));
    }

    public static String blobName(String digest) {
        int colon = digest.indexOf(':');
        if (colon <= 0) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, "'" + digest + "' is not a digest (algorithm:hex).");
        }
        return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
    }

    private static byte[] readBlob(Files files, String digest, String what) throws IOException {
        return files.read(blobName(digest)).orElseThrow(() -> new InvalidImageException(
                InvalidImageException.Reason.MISSING_BLOB, files.describe() + " has no blob " + digest + " (" + what
                + "). The layout is incomplete; copy the image again."));
    }
}
