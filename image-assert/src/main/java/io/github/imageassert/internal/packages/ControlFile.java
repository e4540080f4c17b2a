package io.github.imageassert.internal.packages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paragraphs of {@code Field: value} lines separated by blank lines, with indented continuation lines: the format
 * of dpkg's status file and of Python's METADATA headers.
 */
public final class ControlFile {

    private ControlFile() {
    }

    public static List<Map<String, String>> paragraphs(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastKey = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    out.add(current);
                    current = new LinkedHashMap<>();
                }
                lastKey = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastKey != null) {
                current.merge(lastKey, "\n" + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastKey = line.substring(0, colon).strip();
                    current.putIfAbsent(lastKey, line.substring(colon + 1).strip());
                }
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** The header block only: what comes before the first blank line (METADATA then has the description). */
    public static Map<String, String> headers(String text) {
        // the description after the headers can be most of the file: parse no further than the first blank line
        List<Map<String, String>> first = paragraphs(text.stripLeading().split("\r?\n[ \t]*\r?\n", 2)[0]);
        return first.isEmpty() ? Map.of() : first.get(0);
    }
}
