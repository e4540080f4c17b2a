package io.github.imageassert.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime part of an image config: what a container started from the image gets. Lists keep the order
 * the config has; {@code null} lists (absent in the config) are empty here, {@code user} is "" when unset.
 */
public record ImageConfig(
        String user,
        List<String> entrypoint,
        List<String> cmd,
        List<String> env,
        String workingDir,
        Set<String> exposedPorts,
        Set<String> volumes,
        Map<String, String> labels,
        HealthCheck healthCheck,
        String stopSignal,
        List<String> shell) {

    public ImageConfig {
        user = user == null ? "" : user;
        entrypoint = strings(entrypoint);
        cmd = strings(cmd);
        env = strings(env);
        workingDir = workingDir == null ? "" : workingDir;
        exposedPorts = exposedPorts == null ? Set.of() : Set.copyOf(exposedPorts.stream().map(String::valueOf).toList());
        volumes = volumes == null ? Set.of() : Set.copyOf(volumes.stream().map(String::valueOf).toList());
        labels = labels == null ? Map.of() : labels(labels);
        shell = strings(shell);
    }

    /** A JSON null inside a list becomes "", as the engine treats it. */
    private static List<String> strings(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
    }

    private static Map<String, String> labels(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : v));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The environment as a map; a later duplicate wins, as it does for the engine. */
    public Map<String, String> envMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : env) {
            int eq = entry.indexOf('=');
            map.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return map;
    }

    public Optional<String> envValue(String name) {
        return Optional.ofNullable(envMap().get(name));
    }

    public Optional<HealthCheck> healthCheckIfPresent() {
        return Optional.ofNullable(healthCheck);
    }
}
