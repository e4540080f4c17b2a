package io.github.imageassert.junit.internal;

import io.github.imageassert.internal.limits.Limits;
import io.github.imageassert.internal.source.EngineSettings;
import io.github.imageassert.internal.store.StoreSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets the layer store, the limits and the engine's timeout be configured like the extension: {@code imageassert.store},
 * {@code imageassert.store.maxSize}, {@code imageassert.limits.*} and {@code imageassert.engine.timeout} as JUnit configuration parameters ({@code junit-platform.properties}, the
 * launcher, Surefire's {@code configurationParameters}) become the system properties the library reads, unless a
 * system property of that name is set already. Done before the run's first image is made.
 */
final class StoreParameters {

    private static final List<String> NAMES = names();

    private StoreParameters() {
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of(StoreSettings.STORE, StoreSettings.MAX_SIZE, EngineSettings.TIMEOUT));
        names.addAll(Limits.properties());
        return List.copyOf(names);
    }

    static void apply(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.create(StoreParameters.class))
                .getOrComputeIfAbsent("applied", k -> {
                    for (String name : NAMES) {
                        if (System.getProperty(name) == null) {
                            context.getConfigurationParameter(name).ifPresent(value -> System.setProperty(name, value));
                        }
                    }
                    return Boolean.TRUE;
                }, Boolean.class);
    }
}
