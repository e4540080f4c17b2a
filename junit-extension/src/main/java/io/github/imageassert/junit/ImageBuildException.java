package io.github.imageassert.junit;

import io.github.imageassert.image.ImageAssertException;
import java.util.List;

/** A build failed: names the failing step and shows the end of the build log. */
public class ImageBuildException extends ImageAssertException {

    ImageBuildException(String what, String failingStep, List<String> lastLines, Throwable cause) {
        super("Building " + what + " failed at step " + failingStep + ". Last " + lastLines.size() + " lines of the build log:\n  "
                + String.join("\n  ", lastLines), cause);
    }

    ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
