package io.github.imageassert.assertions.error;

import io.github.imageassert.ContainerImage;
import org.assertj.core.error.BasicErrorMessageFactory;

/** The parts every image message shares: how the image is named, and values shown without quotes. */
abstract class ImageMessages extends BasicErrorMessageFactory {

    /** Every message starts the AssertJ way: a newline, "Expecting image:", the image indented. */
    static final String EXPECTING = "%nExpecting image:%n  %s%n";

    ImageMessages(String format, Object... arguments) {
        super(format, arguments);
    }

    static Object image(ContainerImage image) {
        return unquotedString(image.description());
    }

    static Object plain(String text) {
        return unquotedString(text);
    }

    /** Evidence as indented lines, and how many more there were when only the first ones are shown. */
    static Object lines(java.util.List<String> shown, int total) {
        StringBuilder out = new StringBuilder();
        shown.forEach(line -> out.append(String.format("%n  ")).append(line));
        if (total > shown.size()) {
            out.append(String.format("%n  ... and %d more", total - shown.size()));
        }
        return unquotedString(out.toString());
    }
}
