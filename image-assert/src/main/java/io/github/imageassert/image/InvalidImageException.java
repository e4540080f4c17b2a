package io.github.imageassert.image;

import io.github.imageassert.image.ImageAssertException;

/** An image's metadata or blobs are not what the image formats require. {@link #reason()} says which rule broke. */
public class InvalidImageException extends ImageAssertException {

    public enum Reason {
        /** A manifest, index or config is not valid JSON of its kind. */
        BAD_JSON,
        /** A blob the manifests name is not there. */
        MISSING_BLOB,
        /** The config lists another number of layers than the manifest. */
        LAYER_COUNT_MISMATCH,
        /** A layer's media type is not one of the OCI or Docker layer types. */
        UNKNOWN_MEDIA_TYPE,
        /** An index has no image for the platform asked for. */
        NO_MATCHING_PLATFORM,
        /** The archive holds no image, or several where one was expected. */
        NOT_AN_IMAGE,
        /** The archive itself is not a readable tar, or a file in it cannot be read (the message names it). */
        CORRUPT_ARCHIVE,
        /** A blob's bytes do not match the digest (or size) its descriptor gives. */
        DIGEST_MISMATCH,
        /** A format image-assert does not read, such as a Docker schema 1 manifest. */
        UNSUPPORTED_FORMAT,
        /** A layer the image names but does not carry (a non-distributable or foreign layer). */
        NON_DISTRIBUTABLE_LAYER,
        /** The image goes beyond a resource limit (thrown as {@link LimitExceededException}, which names it). */
        LIMIT_EXCEEDED
    }

    private final Reason reason;

    public InvalidImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidImageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
