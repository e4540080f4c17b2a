package io.github.imageassert.testing;

import java.util.Map;
import java.util.function.Supplier;

/** Settings the library reads from system properties when an image is made, set for one action only. */
public final class SystemProperties {

    private SystemProperties() {
    }

    public static <T> T with(Map<String, String> properties, Supplier<T> action) {
        properties.forEach(System::setProperty);
        try {
            return action.get();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }
}
