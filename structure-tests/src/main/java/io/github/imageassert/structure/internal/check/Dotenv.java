package io.github.imageassert.structure.internal.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@code .env} file as CST reads {@code containerRunOptions.envFile} (with the godotenv library):
 * {@code KEY=value} or {@code KEY: value} lines, an optional {@code export } in front, {@code #} comments (after an
 * unquoted value, after a space), single quotes taken literally, double quotes with {@code \n}, {@code \t},
 * {@code \"} and {@code \\} escapes, and {@code $NAME}/{@code ${NAME}} in unquoted and double-quoted values
 * expanded from the keys above, then from this process's environment.
 */
public final class Dotenv {

    private Dotenv() {
    }

    public static Map<String, String> parse(String content, Function<String, String> processEnv) {
        Map<String, String> vars = new LinkedHashMap<>();
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (sep <= 0) {
                throw new IllegalArgumentException("line " + (n + 1) + " is not KEY=value: " + lines[n]);
            }
            String key = line.substring(0, sep).strip();
            String raw = line.substring(sep + 1).strip();
            String value;
            if (raw.startsWith("'")) {
                int end = raw.indexOf('\'', 1);
                value = end < 0 ? raw.substring(1) : raw.substring(1, end);
            } else if (raw.startsWith("\"")) {
                StringBuilder v = new StringBuilder();
                int i = 1;
                while (i < raw.length() && raw.charAt(i) != '"') {
                    char c = raw.charAt(i);
                    if (c == '\\' && i + 1 < raw.length()) {
                        char e = raw.charAt(++i);
                        v.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
                    } else {
                        v.append(c);
                    }
                    i++;
                }
                value = expand(v.toString(), vars, processEnv);
            } else {
                int hash = raw.indexOf(" #");
                value = expand((hash < 0 ? raw : raw.substring(0, hash)).strip(), vars, processEnv);
            }
            vars.put(key, value);
        }
        return vars;
    }

    private static String expand(String value, Map<String, String> vars, Function<String, String> processEnv) {
        return GoExpand.expand(value, name -> {
            String v = vars.get(name);
            if (v == null) {
                v = processEnv.apply(name);
            }
            return v == null ? "" : v;
        });
    }
}
