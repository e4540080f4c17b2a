package io.github.imageassert.image;

import io.github.imageassert.image.ImageAssertException;

/** An image's metadata or blobs are not what the image formats require. {@link #reason()} says which rule broke. */
public class InvalidImageException extends ImageAssertException {

    public enum Reason {
        BAD_JSON, MISSING_BLOB, LAYER_COUNT_MISMATCH, UNKNOWN_MEDIA_TYPE, NO_MATCHING_PLATFORM, NOT_AN_IMAGE,
        CORRUPT_ARCHIVE
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
