package io.github.imageassert.fs;

import io.github.imageassert.ImageAssertException;

/** A layer's bytes are not a readable tar (truncated, corrupt, or compressed in a way that was not announced). */
public class CorruptLayerException extends ImageAssertException {

    public CorruptLayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
