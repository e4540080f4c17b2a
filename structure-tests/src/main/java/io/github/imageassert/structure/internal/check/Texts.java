package io.github.imageassert.structure.internal.check;

/** Long texts in messages: CST prints whole files and outputs; a report should stay readable. */
final class Texts {

    static final int SHOWN = 2000;

    private Texts() {
    }

    static String shorten(String text) {
        if (text.length() <= SHOWN) {
            return text;
        }
        return text.substring(0, SHOWN) + "... (" + (text.length() - SHOWN) + " more characters)";
    }
}
