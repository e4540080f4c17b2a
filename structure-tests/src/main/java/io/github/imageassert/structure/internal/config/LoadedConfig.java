package io.github.imageassert.structure.internal.config;

import java.net.URI;
import java.util.Map;

/**
 * A config as read: its name as given, where it is (a file or a class path resource; may be null), its content,
 * and the line each mapping and value starts on, by JSON pointer ({@code /commandTests/2}).
 */
public record LoadedConfig(String name, URI uri, StructureConfig config, Map<String, Integer> lines) {

    public LoadedConfig {
        lines = Map.copyOf(lines);
    }

    /** The line of {@code pointer}, 0 when unknown. */
    public int line(String pointer) {
        return lines.getOrDefault(pointer, 0);
    }

    /** The file name without its folders, as CST's text output names a config. */
    public String baseName() {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
