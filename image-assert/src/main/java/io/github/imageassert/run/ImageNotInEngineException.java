package io.github.imageassert.run;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.ImageAssertException;
import io.github.imageassert.source.ArchiveSource;

/**
 * A command needs the image in the engine, and this one was read from a file. It is not loaded behind the
 * caller's back: loading writes to the engine's image store, which a test should do on purpose.
 */
public class ImageNotInEngineException extends ImageAssertException {

    public ImageNotInEngineException(ContainerImage image) {
        super(message(image));
    }

    private static String message(ContainerImage image) {
        String from = image.source() instanceof ArchiveSource archive
                ? "was read from " + archive.path().toAbsolutePath()
                : "comes from a " + image.source().getClass().getSimpleName();
        String load = image.source() instanceof ArchiveSource archive
                ? " Load it first with `docker load -i " + archive.path().toAbsolutePath() + "` (an OCI layout directory:"
                        + " tar it first, and loading OCI layouts needs Docker 25+),"
                : " Load it into the engine first,";
        return "Cannot run a command in image " + image.description() + ": it " + from + ", and a container can only "
                + "start from an image the engine has." + load + " then run it from ContainerImage.fromDaemon(\""
                + image.reference() + "\").";
    }
}
