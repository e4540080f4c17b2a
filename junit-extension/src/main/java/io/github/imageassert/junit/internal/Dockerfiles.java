package io.github.imageassert.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the stage names of a Dockerfile, to check a {@code --target} before building and list what exists. */
final class Dockerfiles {

    private Dockerfiles() {
    }

    /** One name per stage in order: the {@code AS} name, or the stage's index when it has none. */
    static List<String> stages(String dockerfile) {
        List<String> stages = new ArrayList<>();
        for (String line : logicalLines(dockerfile)) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equalsIgnoreCase("FROM")) {
                List<String> args = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("--")) {
                        args.add(words[i]);
                    }
                }
                boolean named = args.size() >= 3 && args.get(1).toLowerCase(Locale.ROOT).equals("as");
                stages.add(named ? args.get(2) : String.valueOf(stages.size()));
            }
        }
        return stages;
    }

    /** Joins backslash continuations and drops comments, as the Dockerfile parser does. */
    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                current.append(line);
                lines.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }
}
