package io.github.imageassert.structure.internal.check;

/** Shared by the checks: a regex that Go refuses is an error of the test (CST fails the check that uses it). */
final class Checks {

    private Checks() {
    }

    /** Whether {@code regex} is found in {@code text}; null (with the error recorded) when it does not compile. */
    static Boolean find(Findings f, String regex, byte[] text) {
        try {
            return GoRegex.find(regex, text);
        } catch (GoRegex.InvalidRegexException e) {
            f.error(e.getMessage());
            return null;
        }
    }

    static Boolean find(Findings f, String regex, String text) {
        try {
            return GoRegex.find(regex, text);
        } catch (GoRegex.InvalidRegexException e) {
            f.error(e.getMessage());
            return null;
        }
    }
}
