package io.github.imageassert.secrets;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The text every match of a pattern starts with, when the pattern begins with plain characters: a scan looks for it
 * in a file's bytes ({@link Finder}) or in a text with {@link String#contains}, and runs the regular expression only
 * on the few files that hold it. The private-key rule reads every file of an image, and its regular expression's own
 * search for {@code -----BEGIN } took about a quarter of a scan's samples (JFR, the 1.3 GB benchmark image).
 */
final class LeadingLiteral {

    private static final String META = "\\[](){}.*+?^$|";

    private LeadingLiteral() {
    }

    /** The literal, or "" when no match is sure to start with one (case-insensitive, alternatives, a metacharacter). */
    static String of(Pattern pattern) {
        if (pattern == null || (pattern.flags() & (Pattern.CASE_INSENSITIVE | Pattern.COMMENTS | Pattern.CANON_EQ)) != 0) {
            return "";
        }
        String regex = pattern.pattern();
        if ((pattern.flags() & Pattern.LITERAL) != 0) {
            return regex;
        }
        if (regex.startsWith("\\Q") && regex.indexOf("\\E") == regex.length() - 2) {
            return regex.substring(2, regex.length() - 2); // Pattern.quote of a text without "\E"
        }
        if (hasTopLevelAlternative(regex)) {
            return "";
        }
        int end = 0;
        while (end < regex.length() && META.indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        if (end < regex.length() && "*?{".indexOf(regex.charAt(end)) >= 0) {
            end--; // the last plain character may be absent (or repeated a number of times that may be 0)
        }
        return end <= 0 ? "" : regex.substring(0, end);
    }

    /**
     * Looks for one literal in bytes, with Horspool's skips: the byte under the window's end says how far the literal
     * can move on, its whole length for a byte it does not hold. A scan reads the first MiB of every file; looking at
     * each byte for the {@code -----BEGIN } of a private key took 473 of a scan's 764 samples (JFR, the benchmark
     * image, warm). Here a byte the literal does not hold moves the search on by the literal's whole length. A literal
     * with a character past U+00FF occurs in no text read one byte per character.
     */
    static final class Finder {
        /** null when the literal has a character past U+00FF: one byte per character cannot spell it */
        private final byte[] pattern;
        private final int[] shift = new int[256];

        Finder(String literal) {
            byte[] bytes = new byte[literal.length()];
            boolean spellable = true;
            for (int i = 0; i < bytes.length; i++) {
                char c = literal.charAt(i);
                spellable &= c <= 0xFF;
                bytes[i] = (byte) c;
            }
            this.pattern = spellable ? bytes : null;
            Arrays.fill(shift, Math.max(1, bytes.length));
            for (int i = 0; i < bytes.length - 1; i++) {
                shift[bytes[i] & 0xFF] = bytes.length - 1 - i;
            }
        }

        boolean occursIn(byte[] bytes, int length) {
            if (pattern == null) {
                return false;
            }
            int last = pattern.length - 1;
            if (last < 0) {
                return true;
            }
            byte end = pattern[last];
            for (int at = 0; at <= length - pattern.length; at += shift[bytes[at + last] & 0xFF]) {
                if (bytes[at + last] == end && matchesAt(bytes, at)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matchesAt(byte[] bytes, int at) {
            for (int i = 0; i < pattern.length - 1; i++) {
                if (bytes[at + i] != pattern[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean hasTopLevelAlternative(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (regex.startsWith("\\Q", i)) {
                int quoteEnd = regex.indexOf("\\E", i + 2);
                if (quoteEnd < 0) {
                    return false; // quoted to the end
                }
                i = quoteEnd + 1;
            } else if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
