package io.github.imageassert.internal.store;

import io.github.imageassert.image.DataSize;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the layer store lives and how big it may grow. Each setting is read from a system property, else from
 * an environment variable, else it has its default; the JUnit extension also passes its configuration
 * parameters of the same names as system properties.
 *
 * <pre>
 * imageassert.store          IMAGEASSERT_STORE           a directory, or "off"   default: $XDG_CACHE_HOME/image-assert,
 *                                                                                  else ~/.cache/image-assert
 * imageassert.store.maxSize  IMAGEASSERT_STORE_MAXSIZE   e.g. "20 GB"            default: 10 GB
 * </pre>
 *
 * @param root     the store's directory; null when the store is off
 * @param maxBytes least recently used layers are evicted beyond this
 */
public record StoreSettings(Path root, long maxBytes) {

    public static final String STORE = "imageassert.store";
    public static final String MAX_SIZE = "imageassert.store.maxSize";
    public static final String OFF = "off";
    public static final long DEFAULT_MAX_BYTES = 10_000_000_000L;

    public boolean enabled() {
        return root != null;
    }

    /** The settings of this JVM, from system properties and the environment. */
    public static StoreSettings fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    public static StoreSettings from(Function<String, String> properties, Map<String, String> env) {
        Optional<String> location = setting(STORE, properties, env);
        Path root;
        if (location.isPresent() && location.get().trim().equalsIgnoreCase(OFF)) {
            root = null;
        } else if (location.isPresent()) {
            root = Path.of(location.get().trim()).toAbsolutePath();
        } else {
            String xdg = env.get("XDG_CACHE_HOME");
            Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(properties.apply("user.home"), ".cache");
            root = cache.resolve("image-assert").toAbsolutePath();
        }
        long max = setting(MAX_SIZE, properties, env).map(text -> {
            try {
                return DataSize.parse(text).bytes();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(MAX_SIZE + "=" + text + " is not a size: " + e.getMessage(), e);
            }
        }).orElse(DEFAULT_MAX_BYTES);
        return new StoreSettings(root, max);
    }

    private static Optional<String> setting(String name, Function<String, String> properties, Map<String, String> env) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            value = env.get(name.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
