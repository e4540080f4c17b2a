package io.github.imageassert.junit.internal;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's configuration parameters. Each is read from JUnit's configuration (launcher, then system
 * properties, then {@code junit-platform.properties}).
 */
record Settings(Builder builder, Cleanup cleanup, boolean disabledWithoutDocker, Duration timeout) {

    static final String BUILDER = "imageassert.builder";
    static final String CLEANUP = "imageassert.cleanup";
    static final String DISABLED_WITHOUT_DOCKER = "imageassert.disabledWithoutDocker";
    static final String TIMEOUT = "imageassert.build.timeout";

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
        return new Settings(
                enumValue(context, BUILDER, Builder.class, Builder.AUTO),
                enumValue(context, CLEANUP, Cleanup.class, Cleanup.KEEP),
                context.getConfigurationParameter(DISABLED_WITHOUT_DOCKER).map(Boolean::parseBoolean).orElse(false),
                context.getConfigurationParameter(TIMEOUT).map(Settings::duration).orElse(Duration.ofMinutes(30)));
    }

    private static <E extends Enum<E>> E enumValue(ExtensionContext context, String key, Class<E> type, E fallback) {
        return context.getConfigurationParameter(key).map(v -> {
            try {
                return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("Configuration parameter " + key + "=" + v + " is not one of "
                        + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
            }
        }).orElse(fallback);
    }

    /** A duration as the parameter is written: {@code 90s}, {@code 30m}. */
    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException("Configuration parameter " + TIMEOUT + "=" + text
                    + " is not a duration; write it as 90s or 30m");
        }
    }
}
