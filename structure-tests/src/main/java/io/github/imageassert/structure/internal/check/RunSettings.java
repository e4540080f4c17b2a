package io.github.imageassert.structure.internal.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How command tests run: how long one command may take (CST sets no limit; a runaway command should not hang a
 * build), where {@code containerRunOptions.envFile} is read from, and the environment its {@code envVars} are copied
 * from.
 */
public record RunSettings(Duration commandTimeout, Path workingDirectory, Function<String, String> hostEnvironment) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public RunSettings {
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(hostEnvironment, "hostEnvironment");
    }

    public static RunSettings defaults() {
        return new RunSettings(DEFAULT_TIMEOUT, Path.of(""), System::getenv);
    }

    public RunSettings withCommandTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A command timeout must be positive, got " + timeout);
        }
        return new RunSettings(timeout, workingDirectory, hostEnvironment);
    }
}
