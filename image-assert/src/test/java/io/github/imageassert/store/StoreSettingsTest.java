package io.github.imageassert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.internal.store.StoreSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Where the store lives and how big it may grow: system property first, then environment, then the default. */
class StoreSettingsTest {

    private static StoreSettings from(Map<String, String> properties, Map<String, String> env) {
        Function<String, String> props = k -> k.equals("user.home") ? "/home/tester" : properties.get(k);
        return StoreSettings.from(props, env);
    }

    @Test
    void byDefaultTheStoreIsInTheUsersCacheDirectoryWithATenGigabyteCap() {
        StoreSettings settings = from(Map.of(), Map.of());

        assertThat(settings.root()).isEqualTo(Path.of("/home/tester/.cache/image-assert"));
        assertThat(settings.maxBytes()).isEqualTo(10_000_000_000L);
        assertThat(settings.enabled()).isTrue();
    }

    @Test
    void xdgCacheHomeMovesTheDefault() {
        assertThat(from(Map.of(), Map.of("XDG_CACHE_HOME", "/var/cache/ci")).root()).isEqualTo(Path.of("/var/cache/ci/image-assert"));
    }

    @Test
    void theEnvironmentOverridesTheDefaultAndASystemPropertyOverridesBoth() {
        Map<String, String> env = Map.of("IMAGEASSERT_STORE", "/from/env", "IMAGEASSERT_STORE_MAXSIZE", "2 GB");

        assertThat(from(Map.of(), env).root()).isEqualTo(Path.of("/from/env"));
        assertThat(from(Map.of(), env).maxBytes()).isEqualTo(2_000_000_000L);
        StoreSettings both = from(Map.of("imageassert.store", "/from/property", "imageassert.store.maxSize", "512 MiB"), env);
        assertThat(both.root()).isEqualTo(Path.of("/from/property"));
        assertThat(both.maxBytes()).isEqualTo(512L << 20);
    }

    @Test
    void offTurnsTheStoreOffInAnyCase() {
        assertThat(from(Map.of("imageassert.store", "OFF"), Map.of()).enabled()).isFalse();
        assertThat(from(Map.of(), Map.of("IMAGEASSERT_STORE", "off")).enabled()).isFalse();
    }

    @Test
    void aMaxSizeThatIsNotASizeIsAClearError() {
        assertThatThrownBy(() -> from(Map.of("imageassert.store.maxSize", "lots"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imageassert.store.maxSize=lots is not a size");
    }
}
