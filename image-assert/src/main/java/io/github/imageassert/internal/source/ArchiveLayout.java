package io.github.imageassert.internal.source;

import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.json.Descriptor;
import io.github.imageassert.internal.json.DockerManifestEntry;
import io.github.imageassert.internal.json.ImageIndexJson;
import io.github.imageassert.internal.json.Json;
import io.github.imageassert.internal.json.ManifestJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the config and layer blobs of one image inside an archive: the {@code docker save} layout
 * ({@code manifest.json}, also written by Docker 25+ next to its OCI index) or an OCI image layout
 * ({@code index.json}, possibly an index of several platforms, possibly nested). Every blob named by a digest is
 * checked against it.
 */
final class ArchiveLayout {

    /**
     * @param config       the config blob's entry name
     * @param configDigest its digest, when the archive names it by one
     * @param configSize   its size as its descriptor gives it, or -1
     * @param layers       layer references without diff ids (the config has them)
     */
    record Resolved(String config, String configDigest, long configSize, List<LayerRef> layers, List<String> tags) {
    }

    private ArchiveLayout() {
    }

    /**
     * @param preferIndex read {@code index.json} where both documents are there (Docker 25+ writes both): what
     *                    {@code fromOciLayout} asks for, so that its platform choice applies
     */
    static Resolved resolve(ArchiveFiles files, String tag, Platform platform, boolean preferIndex) throws IOException {
        Optional<byte[]> index = files.readDocument("index.json");
        if (preferIndex && index.isPresent()) {
            return fromOciIndex(files, Json.read(index.get(), ImageIndexJson.class, files.describe() + ": index.json"), platform);
        }
        Optional<byte[]> manifest = files.readDocument("manifest.json");
        if (manifest.isPresent() && isDirTransport(files, manifest.get())) {
            return fromDirTransport(files, manifest.get(), platform);
        }
        if (manifest.isPresent()) {
            return fromDockerManifest(files, manifest.get(), tag);
        }
        if (index.isPresent()) {
            return fromOciIndex(files, Json.read(index.get(), ImageIndexJson.class, files.describe() + ": index.json"), platform);
        }
        throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE, files.describe()
                + " has neither manifest.json (docker save) nor index.json (OCI layout): it is not an image archive. "
                + "Create one with `docker save IMAGE -o FILE` or `skopeo copy ... oci:DIR`.");
    }

    /**
     * The {@code dir:} transport of containers/image ({@code podman save --format docker-dir}, {@code skopeo copy
     * ... dir:DIR}): a registry manifest (an object, not docker save's list) in {@code manifest.json}, blobs named
     * by their hex digest, a {@code version} file saying so.
     */
    private static boolean isDirTransport(ArchiveFiles files, byte[] manifest) throws IOException {
        for (byte b : manifest) {
            if (!Character.isWhitespace(b)) {
                return b == '{' && files.readDocument("version").map(v -> new String(v, java.nio.charset.StandardCharsets.UTF_8)
                        .startsWith("Directory Transport Version")).orElse(false);
            }
        }
        return false;
    }

    private static Resolved fromDirTransport(ArchiveFiles files, byte[] bytes, Platform wanted) throws IOException {
        String where = files.describe() + " (a containers/image dir: copy)";
        byte[] manifest = bytes;
        ImageIndexJson asIndex = Json.read(bytes, ImageIndexJson.class, where + ": manifest.json");
        if (ManifestSelection.isIndex(asIndex.mediaType()) || !asIndex.manifests().isEmpty()) {
            // `--all` keeps each instance's manifest as <hex>.manifest.json beside the index
            ManifestSelection.BlobFetch fetch = (d, what) -> {
                byte[] doc = files.requireDocument(Digests.hex(d.digest()) + ".manifest.json", what);
                checkDigest(files, doc, d.digest(), d.sizeOr(-1), what);
                return doc;
            };
            Descriptor chosen = ManifestSelection.choose(ManifestSelection.imageManifests(asIndex, fetch, where), wanted, where,
                    "ContainerImage.fromOciLayout(path, Platform.parse(\"os/arch\"))");
            manifest = fetch.fetch(chosen, "image manifest");
        }
        ManifestJson m = ManifestSelection.readManifest(manifest, where + ": manifest.json");
        List<LayerRef> layers = ManifestSelection.layers(m, l -> Digests.hex(l.digest()), where);
        return new Resolved(Digests.hex(m.config().digest()), m.config().digest(), m.config().sizeOr(-1), layers, List.of());
    }

    private static Resolved fromDockerManifest(ArchiveFiles files, byte[] bytes, String tag) {
        DockerManifestEntry[] images = Json.read(bytes, DockerManifestEntry[].class, files.describe() + ": manifest.json");
        if (images.length == 0) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, files.describe()
                    + ": manifest.json lists no image. The archive is corrupt; export the image again.");
        }
        DockerManifestEntry chosen = null;
        List<String> allTags = new ArrayList<>();
        for (DockerManifestEntry m : images) {
            if (m == null) {
                continue;
            }
            allTags.addAll(m.repoTags());
            if (tag == null ? chosen == null : m.repoTags().contains(tag) || m.repoTags().contains(tag + ":latest")) {
                chosen = m;
            }
        }
        if (chosen == null) {
            throw new ImageNotFoundException(files.describe() + " has no image tagged '" + tag + "'. It has: " + allTags);
        }
        if (tag == null && images.length > 1) {
            throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE, files.describe() + " holds "
                    + images.length + " images " + allTags + "; name the one to read with fromArchive(path, tag).");
        }
        if (chosen.config() == null || chosen.config().isEmpty()) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, files.describe()
                    + ": manifest.json names no Config for the image. The archive is corrupt; export the image again.");
        }
        List<LayerRef> layers = new ArrayList<>();
        for (String name : chosen.layers()) {
            if (name == null) {
                throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, files.describe()
                        + ": manifest.json lists a null layer. The archive is corrupt; export the image again.");
            }
            String digest = digestOfBlobName(name);
            Descriptor source = digest == null ? null : chosen.layerSources().get(digest);
            String mediaType = source == null ? null : source.mediaType();
            LayerRef.checkMediaType(mediaType, digest, files.describe());
            layers.add(new LayerRef(layers.size(), null, name, mediaType, digest, source == null ? -1 : source.sizeOr(-1), null,
                    source == null ? List.of() : source.urls(), source != null && source.annotation(LayerRef.ESTARGZ_TOC) != null));
        }
        return new Resolved(chosen.config(), digestOfConfigName(chosen.config()), -1, layers, chosen.repoTags());
    }

    private static Resolved fromOciIndex(ArchiveFiles files, ImageIndexJson index, Platform wanted) throws IOException {
        ManifestSelection.BlobFetch fetch = (d, what) -> readBlob(files, d, what);
        List<Descriptor> manifests = ManifestSelection.imageManifests(index, fetch, files.describe());
        Descriptor chosen = ManifestSelection.choose(manifests, wanted, files.describe(),
                "ContainerImage.fromOciLayout(path, Platform.parse(\"os/arch\"))");
        if (ManifestSelection.isSchema1(chosen.mediaType(), null)) {
            throw ManifestSelection.schema1(files.describe() + ": manifest " + chosen.digest());
        }
        ManifestJson manifest = ManifestSelection.readManifest(fetch.fetch(chosen, "image manifest"),
                files.describe() + ": manifest " + chosen.digest());
        List<LayerRef> layers = ManifestSelection.layers(manifest, l -> blobName(l.digest(), files), files.describe());
        String tag = chosen.annotation("org.opencontainers.image.ref.name");
        return new Resolved(blobName(manifest.config().digest(), files), manifest.config().digest(),
                manifest.config().sizeOr(-1), layers,
                tag == null ? List.of() : List.of(tag));
    }

    /** Every platform an OCI layout's index offers, attestations skipped. */
    static List<Platform> platforms(ArchiveFiles files) throws IOException {
        byte[] index = files.readDocument("index.json").orElseThrow(() -> new InvalidImageException(
                InvalidImageException.Reason.NOT_AN_IMAGE, files.describe() + " has no index.json: it is not an OCI layout."));
        List<Descriptor> manifests = ManifestSelection.imageManifests(
                Json.read(index, ImageIndexJson.class, files.describe() + ": index.json"), (d, what) -> readBlob(files, d, what),
                files.describe());
        List<Platform> out = new ArrayList<>();
        for (Descriptor m : manifests) {
            ManifestSelection.platformOf(m).filter(p -> !out.contains(p)).ifPresent(out::add);
        }
        return out;
    }

    /** {@code blobs/sha256/<hex>}, for a digest that is a well-formed sha256 (no other name is ever built). */
    static String blobName(String digest, ArchiveFiles files) {
        if (!Digests.isSha256(digest)) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, files.describe() + ": '" + digest
                    + "' is not a sha256 digest (sha256: and 64 lowercase hex digits). The layout is corrupt.");
        }
        return "blobs/sha256/" + Digests.hex(digest);
    }

    /** Docker 25+ names layers {@code blobs/sha256/<hex>}; the legacy layout {@code <id>/layer.tar}. */
    private static String digestOfBlobName(String name) {
        String candidate = name.startsWith("blobs/sha256/") ? "sha256:" + name.substring("blobs/sha256/".length()) : null;
        return Digests.isSha256(candidate) ? candidate : null;
    }

    /** The legacy layout names the config {@code <hex>.json}, Docker 25+ {@code blobs/sha256/<hex>}: both its digest. */
    private static String digestOfConfigName(String name) {
        String blob = digestOfBlobName(name);
        if (blob != null) {
            return blob;
        }
        String candidate = name.endsWith(".json") ? "sha256:" + name.substring(0, name.length() - 5) : null;
        return Digests.isSha256(candidate) ? candidate : null;
    }

    /** A metadata blob, checked against its descriptor's digest and size. */
    private static byte[] readBlob(ArchiveFiles files, Descriptor d, String what) throws IOException {
        String name = blobName(d.digest(), files);
        byte[] bytes = files.readDocument(name).orElseThrow(() -> new InvalidImageException(
                InvalidImageException.Reason.MISSING_BLOB, files.describe() + " has no blob " + d.digest() + " (" + what
                + "). The layout is incomplete; copy the image again."));
        checkDigest(files, bytes, d.digest(), d.sizeOr(-1), what);
        return bytes;
    }

    static void checkDigest(ArchiveFiles files, byte[] bytes, String digest, long size, String what) {
        if (size >= 0 && bytes.length != size) {
            throw new InvalidImageException(InvalidImageException.Reason.DIGEST_MISMATCH, files.describe() + ": the "
                    + what + " " + digest + " has " + bytes.length + " bytes but its descriptor gives " + size
                    + ". The archive was altered or is corrupt; export or copy the image again.");
        }
        String actual = Digests.sha256(bytes);
        if (!actual.equals(digest)) {
            throw new InvalidImageException(InvalidImageException.Reason.DIGEST_MISMATCH, files.describe() + ": the "
                    + what + " " + digest + " has content " + actual
                    + ". The archive was altered or is corrupt; export or copy the image again.");
        }
    }
}
