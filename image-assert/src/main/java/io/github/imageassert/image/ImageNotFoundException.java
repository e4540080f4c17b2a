package io.github.imageassert.image;

import io.github.imageassert.image.ImageAssertException;

/** The engine (or archive) has no image of that name. */
public class ImageNotFoundException extends ImageAssertException {

    public ImageNotFoundException(String message) {
        super(message);
    }
}
