package io.github.imageassert.image;

/**
 * The root of every error image-assert raises about an image, its sources or its files. Each subclass says
 * what was wrong and, in its message, what to do about it.
 */
public class ImageAssertException extends RuntimeException {

    public ImageAssertException(String message) {
        super(message);
    }

    public ImageAssertException(String message, Throwable cause) {
        super(message, cause);
    }
}
