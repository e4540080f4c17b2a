package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.run.CommandResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** How a command's output and timing appear in messages: the end of each stream, where the failure usually is. */
public final class CommandEvidence {

    public static final int MAX_LINES = 20;
    public static final int MAX_LINE_CHARS = 300;
    private static final String NL = System.lineSeparator();

    private CommandEvidence() {
    }

    /** {@code stdout:} and its last lines indented, or {@code nothing on stdout}. */
    public static String stream(String name, String text) {
        if (text.isEmpty()) {
            return "nothing on " + name;
        }
        List<String> lines = text.lines().toList(); // a final newline makes no extra line
        List<String> kept = lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size());
        StringBuilder out = new StringBuilder(name);
        if (kept.size() < lines.size()) {
            out.append(" (last ").append(kept.size()).append(" of ").append(lines.size()).append(" lines)");
        }
        out.append(':');
        for (String line : kept) {
            out.append(NL).append("  ")
                    .append(line.length() > MAX_LINE_CHARS ? "..." + line.substring(line.length() - MAX_LINE_CHARS) : line);
        }
        return out.toString();
    }

    /** {@code 0.21 s}. */
    public static String duration(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    /** What the engine saw, or why it saw nothing and what to do about it. */
    public static String observedUser(CommandResult result) {
        if (result.uid().isPresent()) {
            return "the engine saw its main process run as uid " + result.uid().getAsLong()
                    + (result.gid().isPresent() ? " (gid " + result.gid().getAsLong() + ")" : "");
        }
        return "its uid was not observed: the command ended after " + duration(result.duration()) + " (exit code "
                + result.exitCode() + "), before the engine could be asked." + NL
                + "Assert the uid on a command that keeps running for a moment, e.g. \"sleep 2\", or the image's server.";
    }
}
