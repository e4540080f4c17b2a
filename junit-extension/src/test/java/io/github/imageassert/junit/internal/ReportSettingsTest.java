package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** imageassert.report.dir: a directory relative to the working directory, target/image-assert by default, or off. */
class ReportSettingsTest {

    @Test
    void theDefaultIsTargetImageAssert() {
        assertThat(ReportSettings.dir(name -> Optional.empty()))
                .contains(Path.of("target", "image-assert").toAbsolutePath().normalize());
    }

    @Test
    void aDirectoryIsResolvedAgainstTheWorkingDirectory() {
        Map<String, String> parameters = Map.of(ReportSettings.DIR, " build/reports/images ");
        assertThat(ReportSettings.dir(name -> Optional.ofNullable(parameters.get(name))))
                .contains(Path.of("build/reports/images").toAbsolutePath().normalize());
    }

    @Test
    void offWritesNone() {
        assertThat(ReportSettings.dir(name -> Optional.of("OFF"))).isEmpty();
    }
}
