package io.github.imageassert.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.internal.source.EngineSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long an engine may send nothing: system property first, then environment, then five minutes. */
class EngineSettingsTest {

    @Test
    void byDefaultAnEngineMaySendNothingForFiveMinutes() {
        assertThat(EngineSettings.from(k -> null, Map.of()).timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theEnvironmentOverridesTheDefaultAndASystemPropertyOverridesBoth() {
        Map<String, String> env = Map.of("IMAGEASSERT_ENGINE_TIMEOUT", "40");

        assertThat(EngineSettings.from(k -> null, env).timeout()).isEqualTo(Duration.ofSeconds(40));
        assertThat(EngineSettings.from(Map.of("imageassert.engine.timeout", " 7 ")::get, env).timeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aValueThatIsNotAPositiveNumberOfSecondsIsRefusedSayingWhatWouldDo() {
        for (String bad : new String[] {"0", "-3", "5m", "soon"}) {
            assertThatThrownBy(() -> EngineSettings.from(Map.of("imageassert.engine.timeout", bad)::get, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("imageassert.engine.timeout must be a whole number of seconds, at least 1, not '" + bad
                            + "' (e.g. -Dimageassert.engine.timeout=600)");
        }
    }
}
