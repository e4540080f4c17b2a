package io.github.imageassert.run;

import io.github.imageassert.image.ImageAssertException;

/**
 * A command needs the image in the engine, and this one was read from a file. It is not loaded behind the
 * caller's back: loading writes to the engine's image store, which a test should do on purpose.
 */
public class ImageNotInEngineException extends ImageAssertException {

    /**
     * @param image     how the image is named in messages
     * @param reference the name it was read by
     * @param origin    where it was read from, e.g. {@code archive /tmp/app.tar}
     * @param loadHint  how to put it into the engine, e.g. {@code docker load -i /tmp/app.tar}
     */
    public ImageNotInEngineException(String image, String reference, String origin, String loadHint) {
        super("Cannot run a command in image " + image + ": it was read from " + origin + ", and a container can only "
                + "start from an image the engine has. " + loadHint + ", then run it from ContainerImage.fromDaemon(\""
                + reference + "\").");
    }
}
