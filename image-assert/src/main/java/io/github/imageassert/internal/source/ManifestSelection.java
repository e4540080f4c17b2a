package io.github.imageassert.internal.source;

import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.json.Descriptor;
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
import java.util.function.Function;

/**
 * The format rules every source shares once it has an index or a manifest in hand, wherever the blobs come from
 * (an archive, a layout, a registry): nested indexes followed within bounds, attestation manifests skipped, one
 * platform chosen, Docker schema 1 refused, layer descriptors checked.
 */
public final class ManifestSelection {

    /** Nested indexes deeper than this are not followed. */
    static final int MAX_DEPTH = 4;
    /** Manifests and indexes an index may lead to, in all. */
    static final int MAX_DESCRIPTORS = 1024;

    /** Reads the blob a descriptor names, checked against its digest and size. */
    @FunctionalInterface
    public interface BlobFetch {
        byte[] fetch(Descriptor descriptor, String what) throws IOException;
    }

    private ManifestSelection() {
    }

    public static boolean isIndex(String mediaType) {
        return mediaType != null && (mediaType.endsWith("image.index.v1+json") || mediaType.endsWith("manifest.list.v2+json"));
    }

    /** Docker schema 1, which has no config blob and no diff ids; pushed only by clients from before 2016. */
    public static boolean isSchema1(String mediaType, Integer schemaVersion) {
        return schemaVersion != null && schemaVersion == 1
                || mediaType != null && mediaType.startsWith("application/vnd.docker.distribution.manifest.v1");
    }

    public static InvalidImageException schema1(String where) {
        return new InvalidImageException(InvalidImageException.Reason.UNSUPPORTED_FORMAT, where + " is a Docker schema 1 "
                + "manifest, a format without a config or layer digests that registries deprecated in 2017 and that "
                + "image-assert does not read. Push the image again with a current client (docker 1.10+, buildx, "
                + "skopeo, crane) to get a schema 2 or OCI manifest.");
    }

    /**
     * The image manifests an index offers: nested indexes followed (at most {@value #MAX_DEPTH} deep, each once),
     * attestation and other platform-less artifacts of BuildKit skipped.
     */
    public static List<Descriptor> imageManifests(ImageIndexJson index, BlobFetch fetch, String where) throws IOException {
        List<Descriptor> out = new ArrayList<>();
        collect(index, fetch, where, out, 0, new HashSet<>());
        return out;
    }

    private static void collect(ImageIndexJson index, BlobFetch fetch, String where, List<Descriptor> out, int depth,
                                Set<String> seen) throws IOException {
        for (Descriptor d : index.manifests()) {
            if (!Digests.isSha256(d.digest())) {
                throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, where + ": an index entry is named by '"
                        + d.digest() + "', which is not a sha256 digest. The index is corrupt.");
            }
            if (seen.size() >= MAX_DESCRIPTORS) {
                throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE, where
                        + ": its indexes lead to more than " + MAX_DESCRIPTORS + " manifests; no image has that many.");
            }
            if (isIndex(d.mediaType())) {
                if (seen.contains(d.digest())) {
                    continue;
                }
                if (depth + 1 > MAX_DEPTH) {
                    throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE, where + ": indexes are "
                            + "nested more than " + MAX_DEPTH + " deep (at " + d.digest() + "); no image tool writes that.");
                }
                if (seen.add(d.digest())) {
                    collect(Json.read(fetch.fetch(d, "image index"), ImageIndexJson.class, where + ": index " + d.digest()),
                            fetch, where, out, depth + 1, seen);
                }
            } else if (!isAttestation(d) && seen.add(d.digest())) {
                out.add(d);
            }
        }
    }

    /** BuildKit's provenance and SBOM manifests: not images, though an index lists them beside the images. */
    static boolean isAttestation(Descriptor d) {
        if ("attestation-manifest".equals(d.annotation("vnd.docker.reference.type"))) {
            return true;
        }
        Descriptor.PlatformJson p = d.platform();
        return p != null && "unknown".equals(p.os()) && "unknown".equals(p.architecture());
    }

    /**
     * The manifest for {@code wanted}; when null: the host's platform, else linux/amd64, else the only manifest.
     *
     * @param howToChoose what the user writes to ask for another platform, for the error
     */
    public static Descriptor choose(List<Descriptor> manifests, Platform wanted, String where, String howToChoose) {
        if (manifests.isEmpty()) {
            throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE,
                    where + ": the index lists no image manifest (only attestations or nothing at all).");
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
            throw new InvalidImageException(InvalidImageException.Reason.NO_MATCHING_PLATFORM, where
                    + " has no image for platform " + target + ". Platforms present: " + platformNames(manifests)
                    + ". Choose one with " + howToChoose + ".");
        }
        return chosen;
    }

    /** Each manifest's platform, {@code (unspecified)} for an entry without one. */
    public static TreeSet<String> platformNames(List<Descriptor> manifests) {
        TreeSet<String> names = new TreeSet<>();
        manifests.forEach(m -> names.add(platformOf(m).map(Platform::toString).orElse("(unspecified)")));
        return names;
    }

    public static Optional<Platform> platformOf(Descriptor descriptor) {
        Descriptor.PlatformJson p = descriptor.platform();
        if (p == null || p.os() == null || p.os().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Platform(p.os(), p.architecture() == null ? "" : p.architecture(), p.variant()));
    }

    private static Descriptor pick(List<Descriptor> manifests, Platform target) {
        for (Descriptor m : manifests) {
            if (platformOf(m).map(target::matches).orElse(false)) {
                return m;
            }
        }
        return null;
    }

    /** An image manifest, its config named by a sha256 digest; schema 1 refused. */
    public static ManifestJson readManifest(byte[] bytes, String where) {
        ManifestJson manifest = Json.read(bytes, ManifestJson.class, where);
        if (isSchema1(manifest.mediaType(), manifest.schemaVersion())) {
            throw schema1(where);
        }
        if (manifest.config() == null || !Digests.isSha256(manifest.config().digest())) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, where
                    + " names no config blob by a sha256 digest. It is corrupt or not an image manifest; copy the image again.");
        }
        return manifest;
    }

    /**
     * Layer references (without diff ids: the config has them) for a manifest's layer descriptors.
     *
     * @param name where the source finds each blob, or null
     */
    public static List<LayerRef> layers(ManifestJson manifest, Function<Descriptor, String> name, String where) {
        List<LayerRef> layers = new ArrayList<>();
        for (Descriptor l : manifest.layers()) {
            if (!Digests.isSha256(l.digest())) {
                throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, where + ": layer " + layers.size()
                        + " is named by '" + l.digest() + "', which is not a sha256 digest. The manifest is corrupt.");
            }
            LayerRef.checkMediaType(l.mediaType(), l.digest(), where);
            layers.add(new LayerRef(layers.size(), null, name.apply(l), l.mediaType(), l.digest(), l.sizeOr(-1), null,
                    l.urls(), l.annotation(LayerRef.ESTARGZ_TOC) != null));
        }
        return layers;
    }
}
