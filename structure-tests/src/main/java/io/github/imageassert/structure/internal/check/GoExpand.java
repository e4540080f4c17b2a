package io.github.imageassert.structure.internal.check;

import java.util.Map;
import java.util.function.Function;

/**
 * Go's {@code os.Expand}, which CST applies to commands, paths and env values: {@code $NAME} and {@code ${NAME}}
 * are replaced by their value, "" when unset; a single-character special name ({@code $$}, {@code $1},
 * {@code $*}...) too; {@code ${}} and an unclosed {@code ${} are dropped; a {@code $} followed by anything else
 * stays. There is no escape: {@code $$} is the variable named {@code $}, which is empty.
 */
public final class GoExpand {

    private GoExpand() {
    }

    public static String expand(String s, Map<String, String> env) {
        return expand(s, name -> env.getOrDefault(name, ""));
    }

    public static String expand(String s, Function<String, String> mapping) {
        StringBuilder buf = null;
        int i = 0;
        for (int j = 0; j < s.length(); j++) {
            if (s.charAt(j) == '$' && j + 1 < s.length()) {
                if (buf == null) {
                    buf = new StringBuilder(2 * s.length());
                }
                buf.append(s, i, j);
                String rest = s.substring(j + 1);
                int[] width = new int[1];
                String name = shellName(rest, width);
                if (name.isEmpty() && width[0] > 0) {
                    // invalid syntax: the characters are dropped
                } else if (name.isEmpty()) {
                    buf.append('$');
                } else {
                    buf.append(mapping.apply(name));
                }
                j += width[0];
                i = j + 1;
            }
        }
        return buf == null ? s : buf.append(s.substring(i)).toString();
    }

    private static String shellName(String s, int[] width) {
        char first = s.charAt(0);
        if (first == '{') {
            if (s.length() > 2 && isSpecial(s.charAt(1)) && s.charAt(2) == '}') {
                width[0] = 3;
                return s.substring(1, 2);
            }
            for (int i = 1; i < s.length(); i++) {
                if (s.charAt(i) == '}') {
                    if (i == 1) {
                        width[0] = 2;
                        return "";
                    }
                    width[0] = i + 1;
                    return s.substring(1, i);
                }
            }
            width[0] = 1;
            return "";
        }
        if (isSpecial(first)) {
            width[0] = 1;
            return s.substring(0, 1);
        }
        int i = 0;
        while (i < s.length() && isAlphaNum(s.charAt(i))) {
            i++;
        }
        width[0] = i;
        return s.substring(0, i);
    }

    private static boolean isSpecial(char c) {
        return "*#$@!?-0123456789".indexOf(c) >= 0;
    }

    private static boolean isAlphaNum(char c) {
        return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
