package io.github.imageassert.internal.source;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How long image-assert waits for an engine that stops sending, from the system property
 * {@code imageassert.engine.timeout}, else the environment variable {@code IMAGEASSERT_ENGINE_TIMEOUT}, in seconds
 * (docs/reliability.md, "Engine faults"). The JUnit extension passes its configuration parameter of that name on as
 * the system property.
 * <p>
 * The default is generous because an engine is silent for a while before a large export: Docker Engine before 25
 * writes the whole export to its own disk before it sends the first byte (a 1.3 GB image took 49 s so on this
 * project's loaded 2-core test machine). Once bytes flow, a healthy engine never pauses for long.
 *
 * @param timeout the longest wait for the next byte of an answer, the first one included
 */
public record EngineSettings(Duration timeout) {

    public static final String TIMEOUT = "imageassert.engine.timeout";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public static EngineSettings fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    public static EngineSettings from(Function<String, String> properties, Map<String, String> env) {
        String text = properties.apply(TIMEOUT);
        if (text == null || text.isBlank()) {
            text = env.get(TIMEOUT.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        if (text == null || text.isBlank()) {
            return new EngineSettings(DEFAULT_TIMEOUT);
        }
        long seconds;
        try {
            seconds = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1) {
            throw new IllegalArgumentException(TIMEOUT + " must be a whole number of seconds, at least 1, not '" + text
                    + "' (e.g. -D" + TIMEOUT + "=600)");
        }
        return new EngineSettings(Duration.ofSeconds(seconds));
    }

    /** {@code imageassert.engine.timeout=300} as messages name it. */
    public String describe() {
        return TIMEOUT + "=" + timeout.toSeconds();
    }
}
