package io.github.imageassert.internal.source;

import io.github.imageassert.image.HealthCheck;
import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.json.ImageConfigJson;
import io.github.imageassert.internal.json.ImageConfigJson.RuntimeConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The one mapping from an image config (an archive's, a registry's, or an engine's inspect answer) to the model. */
public final class ConfigReader {

    private ConfigReader() {
    }

    public static ImageConfig config(RuntimeConfig c) {
        if (c == null) {
            return new ImageConfig(null, null, null, null, null, null, null, null, null, null, null);
        }
        HealthCheck health = c.healthcheck() == null || c.healthcheck().test() == null ? null
                : new HealthCheck(c.healthcheck().test(), nanos(c.healthcheck().interval()), nanos(c.healthcheck().timeout()),
                        nanos(c.healthcheck().startPeriod()), c.healthcheck().retries());
        return new ImageConfig(c.user(), c.entrypoint(), c.cmd(), c.env(), c.workingDir(), keys(c.exposedPorts()),
                keys(c.volumes()), c.labels(), health, c.stopSignal(), c.shell());
    }

    public static Platform platform(ImageConfigJson config) {
        return new Platform(orDefault(config.os(), "linux"), orDefault(config.architecture(), "amd64"), config.variant());
    }

    public static List<HistoryEntry> history(ImageConfigJson config) {
        return config.history().stream().map(h -> new HistoryEntry(instant(h.created()), h.createdBy(), h.comment(),
                Boolean.TRUE.equals(h.emptyLayer()))).toList();
    }

    private static java.util.Set<String> keys(Map<String, ?> map) {
        return map == null ? null : new java.util.LinkedHashSet<>(map.keySet());
    }

    private static Duration nanos(Long value) {
        return value == null ? null : Duration.ofNanos(value);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // a malformed timestamp is not worth failing an assertion over
        }
    }
}
