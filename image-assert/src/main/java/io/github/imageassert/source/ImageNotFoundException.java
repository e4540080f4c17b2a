package io.github.imageassert.source;

import io.github.imageassert.ImageAssertException;

/** The engine (or archive) has no image of that name. */
public class ImageNotFoundException extends ImageAssertException {

    public ImageNotFoundException(String message) {
        super(message);
    }
}
