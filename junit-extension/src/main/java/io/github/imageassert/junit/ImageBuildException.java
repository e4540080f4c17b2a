package io.github.imageassert.junit;

import io.github.imageassert.image.ImageAssertException;

/**
 * A {@link BuildImage} build failed or ran out of time: the message names the failing step (or the timeout) and
 * shows the end of the build log. Every test needing that build fails with the same exception.
 */
public class ImageBuildException extends ImageAssertException {

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
