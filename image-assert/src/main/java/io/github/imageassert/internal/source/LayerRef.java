package io.github.imageassert.internal.source;

import io.github.imageassert.image.InvalidImageException;

/** Where a layer's blob lives in an archive, and what its manifest says of it. */
public record LayerRef(String name, String mediaType, String digest, long compressedSize) {

    private static final java.util.Set<String> KNOWN = java.util.Set.of(
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
    public LayerRef checked(String where) {
        if (mediaType != null && !KNOWN.contains(mediaType)) {
            throw new InvalidImageException(InvalidImageException.Reason.UNKNOWN_MEDIA_TYPE,
                    "Layer " + digest + " in " + where + " has media type '" + mediaType + "', which is not an OCI or "
                            + "Docker layer type. Known: " + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ".");
        }
        return this;
    }
}
