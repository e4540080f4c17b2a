package io.github.imageassert.junit.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's configuration parameters. Each is read from JUnit's configuration (launcher, then system
 * properties, then {@code junit-platform.properties}). A value that is not understood is an error that names the
 * parameter and what it accepts, never silently the default.
 */
record Settings(Builder builder, Cleanup cleanup, boolean disabledWithoutDocker, Duration timeout, int parallelBuilds) {

    static final String BUILDER = "imageassert.builder";
    static final String CLEANUP = "imageassert.cleanup";
    static final String DISABLED_WITHOUT_DOCKER = "imageassert.disabledWithoutDocker";
    static final String TIMEOUT = "imageassert.build.timeout";
    static final String PARALLEL_BUILDS = "imageassert.parallelBuilds";
    /** Builds are CPU-bound: two at once keep a 2-core CI machine busy without thrashing it. */
    static final int DEFAULT_PARALLEL_BUILDS = 2;

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    enum Builder {
        /** buildx when the docker CLI has it, else the engine's API. */
        AUTO,
        /** {@code docker buildx build --load}: BuildKit, needed for cache and secret mounts. */
        BUILDX,
        /** the engine's build API through docker-java: no CLI needed, no secrets. */
        ENGINE
    }

    enum Cleanup {
        /** built images stay, so the engine's cache makes the next run fast */
        KEEP,
        /** built images are removed when the test run ends */
        REMOVE
    }

    static Settings from(ExtensionContext context) {
        return from(context::getConfigurationParameter);
    }

    /** @param parameters a configuration parameter's value by its name */
    static Settings from(Function<String, Optional<String>> parameters) {
        return new Settings(
                enumValue(parameters, BUILDER, Builder.class, Builder.AUTO),
                enumValue(parameters, CLEANUP, Cleanup.class, Cleanup.KEEP),
                parameters.apply(DISABLED_WITHOUT_DOCKER).map(Settings::bool).orElse(false),
                parameters.apply(TIMEOUT).map(Settings::duration).orElse(DEFAULT_TIMEOUT),
                parameters.apply(PARALLEL_BUILDS).map(Settings::count).orElse(DEFAULT_PARALLEL_BUILDS));
    }

    private static int count(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new ExtensionConfigurationException("Configuration parameter " + PARALLEL_BUILDS + "=" + value
                + " is not a whole number of at least 1");
    }

    private static <E extends Enum<E>> E enumValue(Function<String, Optional<String>> parameters, String key, Class<E> type, E fallback) {
        return parameters.apply(key).map(v -> {
            try {
                return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("Configuration parameter " + key + "=" + v + " is not one of "
                        + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
            }
        }).orElse(fallback);
    }

    private static boolean bool(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            throw new ExtensionConfigurationException("Configuration parameter " + DISABLED_WITHOUT_DOCKER + "=" + text
                    + " is not true or false");
        }
        return Boolean.parseBoolean(t);
    }

    /** {@code 90s}, {@code 30m}, {@code 2h}, or a number of seconds; more than zero. */
    private static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
        } catch (NumberFormatException e) {
            d = Duration.ZERO;
        }
        if (d.isZero() || d.isNegative()) {
            throw new ExtensionConfigurationException("Configuration parameter " + TIMEOUT + "=" + text
                    + " is not a duration; write it as 90s, 30m or 2h");
        }
        return d;
    }

    /** A duration as the parameter is written: {@code 90s}, {@code 30m}, {@code 2h}. */
    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds > 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
