package io.github.imageassert.image;

import io.github.imageassert.image.ImageAssertException;

/** A layer's bytes are not a readable tar (truncated, corrupt, or compressed in a way that was not announced). */
public class CorruptLayerException extends ImageAssertException {

    public CorruptLayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
