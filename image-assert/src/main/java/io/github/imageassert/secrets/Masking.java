package io.github.imageassert.secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Findings show what matched without repeating the secret: a value keeps its first three characters. */
final class Masking {

    /** {@code key = value}, {@code key: value}, {@code key value} (netrc), quotes allowed around the value. */
    private static final Pattern KEY_VALUE = Pattern.compile("(\"?[\\w.-]+\"?(?:\\s*[=:]\\s*|\\s+)\"?)(\\S+)");

    private Masking() {
    }

    static String mask(String matched) {
        String oneLine = matched.replaceAll("\\s+", " ").strip();
        if (oneLine.startsWith("-----BEGIN")) {
            return oneLine; // a PEM header names the key type and holds nothing secret
        }
        Matcher kv = KEY_VALUE.matcher(oneLine);
        if (kv.matches()) {
            return kv.group(1) + hide(kv.group(2));
        }
        return hide(oneLine);
    }

    private static String hide(String value) {
        return value.length() <= 3 ? "***" : value.substring(0, 3) + "*** (" + value.length() + " chars)";
    }
}
