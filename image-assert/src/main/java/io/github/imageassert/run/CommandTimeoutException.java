package io.github.imageassert.run;

import io.github.imageassert.ContainerRun;
import io.github.imageassert.image.ImageAssertException;

/** The command was still running when its time was up; the container was removed. */
public class CommandTimeoutException extends ImageAssertException {

    public CommandTimeoutException(String image, String commandLine, java.time.Duration timeout, String stdout, String stderr) {
        super("Command `" + commandLine + "` in image " + image + " was still running after " + timeout.toMillis()
                + " ms and was stopped. Give it more time with ContainerRun.withTimeout(..), or run a command that ends."
                + tail("stdout", stdout) + tail("stderr", stderr));
    }

    private static String tail(String name, String text) {
        if (text.isEmpty()) {
            return "";
        }
        String shown = text.length() > 1000 ? "..." + text.substring(text.length() - 1000) : text;
        return System.lineSeparator() + name + " so far:" + System.lineSeparator() + shown.stripTrailing();
    }
}
