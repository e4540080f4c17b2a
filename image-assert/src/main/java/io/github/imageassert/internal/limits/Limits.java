package io.github.imageassert.internal.limits;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.image.LimitExceededException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of every {@link Limit} for one read of an image. Each is read from a system property
 * ({@code imageassert.limits.layerSize}), else from an environment variable ({@code IMAGEASSERT_LIMITS_LAYERSIZE}),
 * else it has its default; the JUnit extension also passes its configuration parameters of the same names as
 * system properties. Sizes are written like {@code 128 GiB} or {@code 2000000000}, counts as plain numbers.
 */
public final class Limits {

    public static final String PREFIX = "imageassert.limits.";
    /** Uncompressed bytes a layer may always reach, whatever its compressed size: small layers may expand freely. */
    public static final long EXPANSION_FLOOR = 1L << 30;

    private final Map<Limit, Long> values;

    private Limits(Map<Limit, Long> values) {
        this.values = values;
    }

    /** Every limit at its default. */
    public static Limits defaults() {
        return from(name -> null, Map.of());
    }

    /** The limits of this JVM, from system properties and the environment; read again on every call. */
    public static Limits fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    public static Limits from(Function<String, String> properties, Map<String, String> env) {
        Map<Limit, Long> values = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            String text = properties.apply(limit.property());
            if (text == null || text.isBlank()) {
                text = env.get(limit.environmentVariable());
            }
            values.put(limit, text == null || text.isBlank() ? limit.defaultValue() : parse(limit, text));
        }
        return new Limits(values);
    }

    /** The names of every limit's setting, for those who pass settings on (the JUnit extension). */
    public static List<String> properties() {
        return java.util.Arrays.stream(Limit.values()).map(Limit::property).toList();
    }

    /** The same limits with one changed; for tests. */
    public Limits with(Limit limit, long value) {
        Map<Limit, Long> changed = new EnumMap<>(values);
        changed.put(limit, value);
        return new Limits(changed);
    }

    public long get(Limit limit) {
        return values.get(limit);
    }

    private static long parse(Limit limit, String text) {
        try {
            long value = limit.isSize() ? DataSize.parse(text).bytes() : Long.parseLong(text.strip().replace("_", ""));
            if (value <= 0) {
                throw new IllegalArgumentException("it must be positive");
            }
            return value;
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new IllegalArgumentException(limit.property() + "=" + text + " is not " + (limit.isSize()
                    ? "a size (e.g. \"" + limit.format(limit.defaultValue()) + "\")" : "a positive whole number")
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The error for a limit exceeded.
     *
     * @param where  the image, layer or entry, e.g. {@code "Layer 2 (sha256:ab..) of app:1 from /tmp/app.tar"}
     * @param detail what was found, e.g. {@code "its tar expands beyond 64 GiB"}
     */
    public LimitExceededException exceeded(Limit limit, String where, String detail) {
        return exceeded(limit, get(limit), where, detail);
    }

    public static LimitExceededException exceeded(Limit limit, long value, String where, String detail) {
        return new LimitExceededException(where + ": " + detail + ". " + beyond(limit, value) + " Limits keep a hostile "
                + "or broken image from exhausting time or memory, and real images stay far below them; if this image is "
                + "real, raise the limit with -D" + limit.property() + "=" + suggestion(limit, value)
                + " (or the environment variable " + limit.environmentVariable() + ").", limit.property(), value);
    }

    /** {@code That is beyond the limit on bytes of a path, 4,096 (imageassert.limits.pathLength).} */
    private static String beyond(Limit limit, long value) {
        return "That is beyond the limit on " + limit.what() + ", " + limit.format(value) + " (" + limit.property() + ").";
    }

    private static String suggestion(Limit limit, long value) {
        long more = value > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : value * 4;
        return limit.format(more).replace(" ", "").replace(",", "");
    }

    /**
     * A limit exceeded deep in a stream (a tar header, a decompressor), where only an {@link IOException} passes
     * through the libraries in between; whoever knows which layer it was turns it into the public error.
     */
    public static final class ExceededIOException extends IOException {
        private final Limit limit;
        private final long value;
        private final String detail;

        public ExceededIOException(Limit limit, long value, String detail) {
            super(detail + ". " + beyond(limit, value));
            this.limit = limit;
            this.value = value;
            this.detail = detail;
        }

        public LimitExceededException toException(String where) {
            LimitExceededException e = exceeded(limit, value, where, detail);
            e.initCause(this);
            return e;
        }

        /** The limit error somewhere in {@code failure}'s causes, if any: libraries may wrap what a stream threw. */
        public static java.util.Optional<ExceededIOException> in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ExceededIOException e) {
                    return java.util.Optional.of(e);
                }
            }
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        values.forEach((l, v) -> out.append(out.length() == 0 ? "" : ", ").append(l.property()).append('=').append(l.format(v)));
        return out.toString();
    }
}
