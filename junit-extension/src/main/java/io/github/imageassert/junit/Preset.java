package io.github.imageassert.junit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named set of build args (and optionally a platform) a Dockerfile template is built with, e.g. {@code slim}:
 * {@code VARIANT=slim}. Read from a file by {@link PresetsSource}, or made in a {@code @MethodSource}.
 *
 * @param platform {@code os/arch[/variant]}, or empty for the engine's own
 */
public record Preset(String name, Map<String, String> buildArgs, String platform) {

    public Preset {
        Objects.requireNonNull(name, "name");
        buildArgs = Map.copyOf(buildArgs);
        platform = platform == null ? "" : platform;
    }

    public static Preset of(String name, Map<String, String> buildArgs) {
        return new Preset(name, buildArgs, "");
    }

    public Preset onPlatform(String osArch) {
        return new Preset(name, buildArgs, osArch);
    }

    /** How a parameterized test names it: {@code slim [VARIANT=slim] linux/arm64}. */
    @Override
    public String toString() {
        return name + " " + new TreeMap<>(buildArgs) + (platform.isEmpty() ? "" : " " + platform);
    }

    /**
     * The presets of a properties file, in the file's order: {@code PRESET.BUILD_ARG=value}, and
     * {@code PRESET.@platform=os/arch} for a preset's platform (see {@link PresetsSource}).
     */
    public static List<Preset> read(Path file) {
        Path path = file.toAbsolutePath().normalize();
        Map<String, String> inOrder = new LinkedHashMap<>();
        // Properties parses escapes and continuations; the map keeps the file's order
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                inOrder.put((String) key, (String) value);
                return super.put(key, value);
            }
        };
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new ExtensionConfigurationException("@PresetsSource: cannot read " + path + " (" + e.getMessage()
                    + "); the path is relative to the working directory " + Path.of("").toAbsolutePath() + ".", e);
        }
        Map<String, Map<String, String>> args = new LinkedHashMap<>();
        Map<String, String> platforms = new LinkedHashMap<>();
        inOrder.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new ExtensionConfigurationException("@PresetsSource: '" + key + "' in " + path
                        + " is not PRESET.BUILD_ARG (or PRESET." + "@platform" + ")");
            }
            String preset = key.substring(0, dot);
            String arg = key.substring(dot + 1);
            args.computeIfAbsent(preset, p -> new LinkedHashMap<>());
            if (arg.equals("@platform")) {
                platforms.put(preset, value.strip());
            } else {
                args.get(preset).put(arg, value);
            }
        });
        if (args.isEmpty()) {
            throw new ExtensionConfigurationException("@PresetsSource: " + path + " defines no preset");
        }
        List<Preset> presets = new ArrayList<>();
        args.forEach((name, buildArgs) -> presets.add(new Preset(name, buildArgs, platforms.getOrDefault(name, ""))));
        return presets;
    }
}
