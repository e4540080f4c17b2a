package io.github.imageassert.internal.registry;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How image-assert talks to registries, from system properties (documented in docs/registry.md). The defaults
 * suit a CI runner: a minute of patience per request, a few retries, HTTPS everywhere but loopback.
 *
 * @param timeout     the longest wait for an answer, and for progress in a blob being read
 * @param retries     further attempts after a 429, a 5xx or a reset connection
 * @param insecure    hosts (host or host:port) that may be spoken to over plain HTTP, besides loopback
 * @param extraCas    PEM files of certificate authorities to trust besides the JVM's
 * @param dockerConfig the directory holding {@code config.json}
 */
public record RegistrySettings(Duration timeout, int retries, Set<String> insecure, List<Path> extraCas,
                               Path dockerConfig, Map<String, String> environment) {

    /** An IPv4 literal in 127.0.0.0/8; a DNS name that merely starts with 127 is not loopback. */
    private static final java.util.regex.Pattern LOOPBACK_V4 = java.util.regex.Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    public static final String TIMEOUT = "imageassert.registry.timeout";
    public static final String RETRIES = "imageassert.registry.retries";
    public static final String INSECURE = "imageassert.registry.insecure";
    public static final String CA = "imageassert.registry.ca";
    public static final String DOCKER_CONFIG = "imageassert.registry.dockerConfig";

    public RegistrySettings {
        insecure = Set.copyOf(insecure);
        extraCas = List.copyOf(extraCas);
        environment = Map.copyOf(environment);
    }

    public static RegistrySettings fromSystem() {
        Map<String, String> env = System.getenv();
        String configDir = System.getProperty(DOCKER_CONFIG, env.get("DOCKER_CONFIG"));
        return new RegistrySettings(
                Duration.ofSeconds(positive(TIMEOUT, System.getProperty(TIMEOUT, "60"))),
                (int) Math.min(20, nonNegative(RETRIES, System.getProperty(RETRIES, "4"))),
                Arrays.stream(System.getProperty(INSECURE, "").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                Arrays.stream(System.getProperty(CA, "").split(File.pathSeparator)).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(Path::of).toList(),
                configDir == null || configDir.isBlank() ? Path.of(System.getProperty("user.home"), ".docker") : Path.of(configDir),
                env);
    }

    public RegistrySettings withTimeout(Duration newTimeout) {
        return new RegistrySettings(newTimeout, retries, insecure, extraCas, dockerConfig, environment);
    }

    /** Plain HTTP is allowed for loopback, as docker allows it, and for hosts the user lists. */
    public boolean mayUsePlainHttp(String host) {
        String bare = hostWithoutPort(host);
        return insecure.contains(host) || insecure.contains(bare) || bare.equals("localhost")
                || LOOPBACK_V4.matcher(bare).matches() || bare.equals("[::1]");
    }

    static String hostWithoutPort(String host) {
        if (host.startsWith("[")) {
            return host.substring(0, host.indexOf(']') + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static long positive(String name, String value) {
        long v = nonNegative(name, value);
        if (v == 0) {
            throw new IllegalArgumentException(name + " must be at least 1 (seconds), not 0");
        }
        return v;
    }

    private static long nonNegative(String name, String value) {
        try {
            long v = Long.parseLong(value.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number >= 0, not '" + value + "'");
        }
    }
}
