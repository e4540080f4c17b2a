package io.github.imageassert.image;

import java.time.Instant;

/**
 * One step of the image's history. {@code emptyLayer} steps (ENV, USER, LABEL, ...) made no layer.
 * {@code createdBy} is what the builder recorded, e.g. {@code RUN /bin/sh -c apt-get install gcc # buildkit}.
 */
public record HistoryEntry(Instant created, String createdBy, String comment, boolean emptyLayer) {

    public HistoryEntry {
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }

    /**
     * The instruction as a person wrote it: the legacy builder's {@code /bin/sh -c #(nop) } prefix and
     * BuildKit's {@code # buildkit} suffix removed, and a bare shell form shown as {@code RUN ...}. A step without
     * an instruction (an imported layer) is shown by its comment.
     */
    public String instruction() {
        String text = createdBy.strip();
        if (text.isEmpty()) {
            // `docker import` records no instruction, only a comment ("Imported from -"), as docker history shows
            return comment.isBlank() ? "(no instruction recorded)" : comment.strip();
        }
        if (text.endsWith("# buildkit")) {
            text = text.substring(0, text.length() - "# buildkit".length()).strip();
        }
        int nop = text.indexOf("#(nop)");
        if (nop >= 0) {
            return text.substring(nop + "#(nop)".length()).strip();
        }
        if (text.startsWith("/bin/sh -c ")) {
            return "RUN " + text.substring("/bin/sh -c ".length()).strip();
        }
        if (text.startsWith("|")) { // legacy builder: "|2 ARG1=a ARG2=b /bin/sh -c cmd"
            int sh = text.indexOf("/bin/sh -c ");
            if (sh > 0) {
                return "RUN " + text.substring(sh + "/bin/sh -c ".length()).strip();
            }
        }
        return text;
    }

    /** {@link #instruction()} shortened to {@code max} characters for failure messages. */
    public String instruction(int max) {
        String text = instruction().replaceAll("\\s+", " ");
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 3)) + "...";
    }
}
