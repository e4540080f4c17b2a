package io.github.imageassert.run;

import io.github.imageassert.image.ImageAssertException;
import io.github.imageassert.image.ImageConfig;
import java.util.List;

/**
 * The program to run is not in the image. Usually a shell or a coreutil asked of an image that has none (FROM
 * scratch, distroless), where the engine's own error ("executable file not found") names neither the image nor
 * what it does contain.
 */
public class CommandNotFoundException extends ImageAssertException {

    private CommandNotFoundException(String message) {
        super(message);
    }

    /** The image's filesystem has no executable {@code program} on {@code path}. */
    public static CommandNotFoundException notInImage(String image, ImageConfig config, List<String> command, String program,
                                                      String path) {
        return new CommandNotFoundException(head(image, command) + ": the image has no executable \"" + program + "\""
                + (program.contains("/") ? "" : " on PATH " + path) + ". " + hint(config));
    }

    /** The engine refused to start {@code command}; its own words are kept. */
    public static CommandNotFoundException reportedByEngine(String image, ImageConfig config, List<String> command,
                                                            String engineMessage) {
        return new CommandNotFoundException(head(image, command) + ": the engine found no executable \"" + command.get(0)
                + "\" (" + engineMessage.strip() + "). " + hint(config));
    }

    /** True for the runtime's start error about a missing program. */
    public static boolean isExecNotFound(String engineMessage) {
        return engineMessage != null && engineMessage.contains("exec:")
                && (engineMessage.contains("executable file not found") || engineMessage.contains("no such file or directory"));
    }

    private static String head(String image, List<String> command) {
        return "Cannot run " + command + " in image " + image;
    }

    private static String hint(ImageConfig config) {
        return "The image's ENTRYPOINT is " + config.entrypoint() + " and its CMD is " + config.cmd()
                + ". Images built FROM scratch or distroless have no shell (sh) and no coreutils: run a program the "
                + "image contains, by its path (e.g. its ENTRYPOINT), or check the name.";
    }
}
