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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the config and layer blobs of one image inside an archive: the {@code docker save} layout
 * ({@code manifest.json}, also written by Docker 25+ next to its OCI index) or an OCI image layout
 * ({@code index.json}, possibly an index of several platforms, possibly nested). Every blob named by a digest is
 * checked against it.
 */
final class ArchiveLayout {

    /** Nested indexes deeper than this are not followed. */
    private static final int MAX_DEPTH = 4;
    /** Manifests and indexes an index may lead to, in all. */
    private static final int MAX_DESCRIPTORS = 1024;
    private static final String ATTESTATION = "attestation-manifest";

    /**
     * @param config       the config blob's entry name
     * @param configDigest its digest, when the archive names it by one
     * @param layers       layer references without diff ids (the config has them)
     */
    record Resolved(String config, String configDigest, List<LayerRef> layers, List<String> tags) {
    }

    private ArchiveLayout() {
    }

    static Resolved resolve(ArchiveFiles files, String tag, Platform platform) throws IOException {
        Optional<byte[]> manifest = files.readDocument("manifest.json");
        if (manifest.isPresent()) {
            return fromDockerManifest(files, manifest.get(), tag);
        }
        Optional<byte[]> index = files.readDocument("index.json");
        if (index.isPresent()) {
            return fromOciIndex(files, Json.read(index.get(), ImageIndexJson.class, files.describe() + ": index.json"), platform);
        }
        throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE, files.describe()
                + " has neither manifest.json (docker save) nor index.json (OCI layout): it is not an image archive. "
                + "Create one with `docker save IMAGE -o FILE` or `skopeo copy ... oci:DIR`.");
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
            layers.add(new LayerRef(layers.size(), null, name, mediaType, digest, source == null ? -1 : source.sizeOr(-1), null));
        }
        return new Resolved(chosen.config(), digestOfConfigName(chosen.config()), layers, chosen.repoTags());
    }

    private static Resolved fromOciIndex(ArchiveFiles files, ImageIndexJson index, Platform wanted) throws IOException {
        List<Descriptor> manifests = new ArrayList<>();
        collectManifests(files, index, manifests, 0, new HashSet<>());
        if (manifests.isEmpty()) {
            throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE,
                    files.describe() + ": index.json lists no image manifest.");
        }
        Platform target = wanted != null ? wanted : Platform.host();
        Descriptor chosen = pick(manifests, target);
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
                    + ". Choose one with ContainerImage.fromOciLayout(path, Platform.parse(\"os/arch\")).");
        }
        ManifestJson manifest = Json.read(readBlob(files, chosen, "image manifest"), ManifestJson.class,
                files.describe() + ": manifest " + chosen.digest());
        if (manifest.config() == null || !Digests.isSha256(manifest.config().digest())) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, files.describe() + ": manifest "
                    + chosen.digest() + " names no config blob by a sha256 digest. The layout is corrupt; copy the image again.");
        }
        List<LayerRef> layers = new ArrayList<>();
        for (Descriptor l : manifest.layers()) {
            LayerRef.checkMediaType(l.mediaType(), l.digest(), files.describe());
            layers.add(new LayerRef(layers.size(), null, blobName(l.digest(), files), l.mediaType(), l.digest(), l.sizeOr(-1), null));
        }
        String tag = chosen.annotation("org.opencontainers.image.ref.name");
        return new Resolved(blobName(manifest.config().digest(), files), manifest.config().digest(), layers,
                tag == null ? List.of() : List.of(tag));
    }

    private static void collectManifests(ArchiveFiles files, ImageIndexJson index, List<Descriptor> out, int depth,
                                         Set<String> seen) throws IOException {
        for (Descriptor d : index.manifests()) {
            if (seen.size() >= MAX_DESCRIPTORS) {
                throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE, files.describe()
                        + ": its indexes lead to more than " + MAX_DESCRIPTORS + " manifests; no image has that many.");
            }
            String type = d.mediaType() == null ? "" : d.mediaType();
            if (type.endsWith("image.index.v1+json") || type.endsWith("manifest.list.v2+json")) {
                if (depth < MAX_DEPTH && seen.add(d.digest())) {
                    collectManifests(files, Json.read(readBlob(files, d, "image index"), ImageIndexJson.class,
                            files.describe() + ": index " + d.digest()), out, depth + 1, seen);
                }
            } else if (!ATTESTATION.equals(d.annotation("vnd.docker.reference.type")) && seen.add(d.digest())) {
                out.add(d);
            }
        }
    }

    private static Descriptor pick(List<Descriptor> manifests, Platform target) {
        for (Descriptor m : manifests) {
            if (platformOf(m).map(target::matches).orElse(false)) {
                return m;
            }
        }
        return null;
    }

    private static Optional<Platform> platformOf(Descriptor descriptor) {
        Descriptor.PlatformJson p = descriptor.platform();
        if (p == null || p.os() == null || p.os().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Platform(p.os(), p.architecture() == null ? "" : p.architecture(), p.variant()));
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
