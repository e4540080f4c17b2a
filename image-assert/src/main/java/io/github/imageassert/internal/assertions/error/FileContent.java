package io.github.imageassert.internal.assertions.error;

/** How a file's content shows in a message: its beginning, or the line a text is on. */
final class FileContent {

    /** Enough to recognise a file without flooding the message. */
    private static final int SHOWN_CHARS = 200;

    private FileContent() {
    }

    static String beginning(String content) {
        return content.length() <= SHOWN_CHARS ? content : content.substring(0, SHOWN_CHARS) + "...";
    }

    /** The 1-based line {@code text} first occurs on; {@code text} must occur. */
    static int lineOf(String content, String text) {
        int at = content.indexOf(text);
        return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
