package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.BasicErrorMessageFactory;

/** The parts every image message shares: how the image is named, and values shown without quotes. */
public abstract class ImageMessages extends BasicErrorMessageFactory {

    /** Every message starts the AssertJ way: a newline, "Expecting image:", the image indented. */
    public static final String EXPECTING = "%nExpecting image:%n  %s%n";

    /** Messages about one file name the file first, then its image; the arguments are the path, then the image. */
    public static final String EXPECTING_FILE = "%nExpecting file:%n  %s%nof image:%n  %s%n";

    ImageMessages(String format, Object... arguments) {
        super(format, arguments);
    }

    public static Object image(LoadedImage image) {
        return unquotedString(image.description());
    }

    public static Object plain(String text) {
        return unquotedString(text);
    }

    /** Evidence as indented lines, and how many more there were when only the first ones are shown. */
    public static Object lines(java.util.List<String> shown, int total) {
        StringBuilder out = new StringBuilder();
        shown.forEach(line -> out.append(String.format("%n  ")).append(line));
        if (total > shown.size()) {
            out.append(String.format("%n  ... and %d more", total - shown.size()));
        }
        return unquotedString(out.toString());
    }
}
