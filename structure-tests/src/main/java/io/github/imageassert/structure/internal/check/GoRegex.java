package io.github.imageassert.structure.internal.check;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CST's regular expressions: Go's {@code regexp} (RE2 syntax, Perl flags), found anywhere in the text
 * ({@code MatchString}), so {@code ^} and {@code $} match at the text's ends only unless the pattern says
 * {@code (?m)}, and {@code .} does not match a newline unless it says {@code (?s)}. RE2/J is a port of Go's
 * engine, so patterns mean what they mean to CST (java.util.regex would accept backreferences and lookarounds
 * that Go refuses, and treats {@code \Z}, possessives and classes differently).
 */
public final class GoRegex {

    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private GoRegex() {
    }

    /** Whether {@code regex} matches somewhere in {@code text}, as Go's {@code regexp.MatchString}. */
    public static boolean find(String regex, String text) {
        return compile(regex).matcher(text).find();
    }

    /**
     * The same over bytes, which Go reads as UTF-8 with an invalid byte as U+FFFD (RE2/J's own byte input would
     * match nothing there, so the bytes are decoded first; a truncated sequence is one U+FFFD here, one per byte
     * in Go).
     */
    public static boolean find(String regex, byte[] text) {
        return find(regex, new String(text, StandardCharsets.UTF_8));
    }

    /** The pattern, or {@link InvalidRegexException} saying what Go's parser would say. */
    public static Pattern compile(String regex) {
        Object compiled = CACHE.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                return e.getMessage();
            }
        });
        if (compiled instanceof Pattern p) {
            return p;
        }
        throw new InvalidRegexException(regex, (String) compiled);
    }

    /** A pattern Go's regexp refuses; CST fails the check that uses it. */
    public static final class InvalidRegexException extends RuntimeException {

        public InvalidRegexException(String regex, String reason) {
            super("invalid regular expression '" + regex + "' (Go's RE2 syntax): " + reason);
        }
    }
}
