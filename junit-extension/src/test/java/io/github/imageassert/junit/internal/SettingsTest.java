package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The configuration parameters as a user writes them. No engine needed. */
class SettingsTest {

    private static Settings parse(Map<String, String> parameters) {
        return Settings.from(name -> Optional.ofNullable(parameters.get(name)));
    }

    private static Settings parse(String name, String value) {
        return parse(Map.of(name, value));
    }

    @Test
    void withoutParametersEachHasItsDefault() {
        assertThat(parse(Map.of())).isEqualTo(new Settings(Settings.Builder.AUTO, Settings.Cleanup.KEEP, false, Duration.ofMinutes(30), 2));
    }

    @ParameterizedTest
    @CsvSource({"auto, AUTO", "buildx, BUILDX", "engine, ENGINE", "' Engine ', ENGINE", "BUILDX, BUILDX"})
    void theBuilderIsReadIgnoringCaseAndSpaces(String written, Settings.Builder meant) {
        assertThat(parse("imageassert.builder", written).builder()).isEqualTo(meant);
    }

    @Test
    void anUnknownBuilderIsAnErrorListingTheChoices() {
        assertThatThrownBy(() -> parse("imageassert.builder", "kaniko"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter imageassert.builder=kaniko is not one of [auto, buildx, engine]");
    }

    @ParameterizedTest
    @CsvSource({"keep, KEEP", "remove, REMOVE", "REMOVE, REMOVE"})
    void cleanupIsKeepOrRemove(String written, Settings.Cleanup meant) {
        assertThat(parse("imageassert.cleanup", written).cleanup()).isEqualTo(meant);
    }

    @Test
    void anUnknownCleanupIsAnErrorListingTheChoices() {
        assertThatThrownBy(() -> parse("imageassert.cleanup", "prune"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter imageassert.cleanup=prune is not one of [keep, remove]");
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "30m, PT30M", "2h, PT2H", "45, PT45S", "' 5M ', PT5M"})
    void theTimeoutIsSecondsMinutesOrHours(String written, Duration meant) {
        assertThat(parse("imageassert.build.timeout", written).timeout()).isEqualTo(meant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "5ms", "1.5m", "0", "0s", "-5s", "PT5M"})
    void aTimeoutThatIsNotAPositiveDurationIsAnError(String written) {
        assertThatThrownBy(() -> parse("imageassert.build.timeout", written))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter imageassert.build.timeout=" + written + " is not a duration; write it as 90s, 30m or 2h");
    }

    @ParameterizedTest
    @CsvSource({"PT1M30S, 90s", "PT30M, 30m", "PT2H, 2h", "PT3S, 3s"})
    void aTimeoutIsShownAsItIsWritten(Duration timeout, String shown) {
        assertThat(Settings.format(timeout)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "TRUE, true", "false, false", "' false ', false"})
    void disabledWithoutDockerIsTrueOrFalse(String written, boolean meant) {
        assertThat(parse("imageassert.disabledWithoutDocker", written).disabledWithoutDocker()).isEqualTo(meant);
    }

    @Test
    void disabledWithoutDockerRejectsAnythingElseRatherThanReadingItAsFalse() {
        assertThatThrownBy(() -> parse("imageassert.disabledWithoutDocker", "yes"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter imageassert.disabledWithoutDocker=yes is not true or false");
    }
}
