package io.github.imageassert.structure.internal.config;

import java.util.List;

/** One entry of {@code commandTests}. A missing {@code exitCode} expects 0, as in CST. */
public record CommandTest(String name, List<List<String>> setup, List<List<String>> teardown, List<EnvVar> envVars,
                          Integer exitCode, String command, List<String> args, List<String> expectedOutput,
                          List<String> excludedOutput, List<String> expectedError, List<String> excludedError) {

    public CommandTest {
        name = Lists.text(name);
        setup = Lists.nested(setup);
        teardown = Lists.nested(teardown);
        envVars = Lists.of(envVars);
        exitCode = exitCode == null ? 0 : exitCode;
        command = Lists.text(command);
        args = Lists.strings(args);
        expectedOutput = Lists.strings(expectedOutput);
        excludedOutput = Lists.strings(excludedOutput);
        expectedError = Lists.strings(expectedError);
        excludedError = Lists.strings(excludedError);
    }
}
