package io.github.imageassert.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What one command did in a container: its exit code and its two output streams, kept apart, and the uid/gid the
 * engine saw its main process run with. {@code uid} is empty when the command ended before it could be observed.
 *
 * @param image    how the image is named in messages
 * @param command  the command as run: entrypoint and arguments
 * @param duration from start to exit, as the engine timed it
 */
public record CommandResult(String image, List<String> command, int exitCode, String stdout, String stderr,
                            OptionalLong uid, OptionalLong gid, Duration duration) {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public CommandResult {
        Objects.requireNonNull(image, "image");
        command = List.copyOf(command);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        uid = uid == null ? OptionalLong.empty() : uid;
        gid = gid == null ? OptionalLong.empty() : gid;
        Objects.requireNonNull(duration, "duration");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The command as a shell would spell it: {@code sh -c 'echo out; exit 3'}. */
    public String commandLine() {
        StringBuilder out = new StringBuilder();
        for (String arg : command) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }
}
