package io.github.imageassert.junit.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the run's report goes: {@code imageassert.report.dir} (a configuration parameter or system property),
 * {@code target/image-assert} by default, relative to the working directory; {@code off} writes none.
 */
final class ReportSettings {

    static final String DIR = "imageassert.report.dir";
    static final Path DEFAULT = Path.of("target", "image-assert");

    private ReportSettings() {
    }

    /** The report's directory, or empty when the report is off. */
    static Optional<Path> dir(Function<String, Optional<String>> parameters) {
        String value = parameters.apply(DIR).map(String::trim).orElse("");
        if (value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        return Optional.of((value.isEmpty() ? DEFAULT : Path.of(value)).toAbsolutePath().normalize());
    }
}
