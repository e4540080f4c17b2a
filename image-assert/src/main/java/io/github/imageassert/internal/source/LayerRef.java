package io.github.imageassert.internal.source;

import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.InvalidImageException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One layer of an image as its source describes it, before any of its bytes are read.
 *
 * @param index          the layer's place in the image, 0 for the base
 * @param diffId         {@code sha256:} of the uncompressed tar, from the config
 * @param name           where the source finds the blob (an archive entry), or null when it cannot tell in advance
 * @param mediaType      as the manifest gives it, or null
 * @param digest         the stored blob's digest, when a manifest gives it
 * @param compressedSize the stored blob's size, or -1
 * @param step           the history step that made the layer, when the history lines up with the layers
 * @param urls           where a non-distributable (foreign) layer may be fetched from, as its descriptor says
 * @param estargz        the descriptor marks the blob as eStargz, whose table of contents and landmark files are
 *                       entries of the tar but not files of the image
 */
public record LayerRef(int index, String diffId, String name, String mediaType, String digest, long compressedSize,
                       HistoryEntry step, List<String> urls, boolean estargz) {

    /** The annotation eStargz writers (BuildKit, nerdctl, ctr-remote) put on such a layer's descriptor. */
    public static final String ESTARGZ_TOC = "containerd.io/snapshot/stargz/toc.digest";

    public LayerRef {
        urls = urls == null ? List.of() : List.copyOf(urls);
    }

    public LayerRef(int index, String diffId, String name, String mediaType, String digest, long compressedSize,
                    HistoryEntry step) {
        this(index, diffId, name, mediaType, digest, compressedSize, step, List.of(), false);
    }

    private static final Set<String> KNOWN = Set.of(
            "application/vnd.oci.image.layer.v1.tar",
            "application/vnd.oci.image.layer.v1.tar+gzip",
            "application/vnd.oci.image.layer.v1.tar+zstd",
            "application/vnd.oci.image.layer.nondistributable.v1.tar",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
            "application/vnd.docker.image.rootfs.diff.tar",
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

    /** Refuses a media type that is not a layer format we can read, rather than guessing at its bytes. */
    public static void checkMediaType(String mediaType, String digest, String where) {
        if (mediaType != null && !KNOWN.contains(mediaType)) {
            throw new InvalidImageException(InvalidImageException.Reason.UNKNOWN_MEDIA_TYPE,
                    "Layer " + digest + " in " + where + " has media type '" + mediaType + "', which is not an OCI or "
                            + "Docker layer type. Known: " + String.join(", ", new TreeSet<>(KNOWN)) + ".");
        }
    }

    public LayerRef withStep(HistoryEntry historyStep) {
        return new LayerRef(index, diffId, name, mediaType, digest, compressedSize, historyStep, urls, estargz);
    }

    /** The same layer with the size of its blob as the source found it, where the manifest gives none. */
    public LayerRef withCompressedSize(long size) {
        return new LayerRef(index, diffId, name, mediaType, digest, size, step, urls, estargz);
    }

    public LayerRef withDiffId(String layerDiffId) {
        return new LayerRef(index, layerDiffId, name, mediaType, digest, compressedSize, step, urls, estargz);
    }

    /**
     * Windows base layers and other blobs whose licence keeps them out of registries and archives: the manifest
     * names them, but the bytes are somewhere else (its {@code urls}) or nowhere.
     */
    public boolean nonDistributable() {
        return mediaType != null && (mediaType.contains(".nondistributable.") || mediaType.contains(".foreign."));
    }

    /** The error for a non-distributable layer whose bytes {@code where} does not hold. */
    public InvalidImageException notDistributed(String where) {
        return new InvalidImageException(InvalidImageException.Reason.NON_DISTRIBUTABLE_LAYER, "Layer " + index + " ("
                + digest + ") of " + where + " is non-distributable (" + mediaType + "): the image names it but does not "
                + "carry its bytes" + (urls.isEmpty() ? "" : "; its descriptor points to " + urls) + ". image-assert reads "
                + "only what the image carries; copy the image with its foreign layers included (e.g. `skopeo copy` "
                + "or `crane` with their option for non-distributable layers) and read that copy.");
    }
}
