package io.github.imageassert.fs;

import io.github.imageassert.image.ImageAssertException;

/** A layer holds an entry whose name climbs out of the image root with {@code ..}; no engine would write it. */
public class PathEscapesRootException extends ImageAssertException {

    public PathEscapesRootException(String entryName, String layer) {
        super("Layer " + layer + " has an entry '" + entryName + "' that escapes the image root through '..'. "
                + "The layer is malformed or malicious; rebuild the image from a trusted Dockerfile.");
    }
}
