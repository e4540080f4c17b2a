package io.github.imageassert.structure.internal.config;

import java.util.List;

/**
 * A config of CST's schema 1.0.0, which CST still reads (its own failure suites are written in it): a command is
 * one list, program and arguments; there is no metadata test and no {@code containerRunOptions}; a file existence
 * test has no {@code uid}, {@code gid} or {@code isExecutableBy}. Read as strictly as schema 2.0.0, then turned
 * into its records, tagged {@value #VERSION} so that the runner keeps what differs when they run.
 */
record SchemaOne(String schemaVersion, List<EnvVar> globalEnvVars, List<Command> commandTests,
                 List<FileExistence> fileExistenceTests, List<FileContentTest> fileContentTests,
                 List<LicenseTest> licenseTests) {

    static final String VERSION = "1.0.0";

    record Command(String name, List<List<String>> setup, List<List<String>> teardown, List<EnvVar> envVars,
                   Integer exitCode, List<String> command, List<String> expectedOutput, List<String> excludedOutput,
                   List<String> expectedError, List<String> excludedError) {

        CommandTest asSchemaTwo() {
            List<String> line = Lists.strings(command);
            return new CommandTest(name, setup, teardown, envVars, exitCode, line.isEmpty() ? "" : line.get(0),
                    line.isEmpty() ? List.of() : line.subList(1, line.size()), expectedOutput, excludedOutput,
                    expectedError, excludedError);
        }
    }

    record FileExistence(String name, String path, Boolean shouldExist, String permissions) {

        FileExistenceTest asSchemaTwo() {
            return new FileExistenceTest(name, path, shouldExist, permissions, null, null, null);
        }
    }

    StructureConfig asSchemaTwo() {
        return new StructureConfig(VERSION, globalEnvVars,
                Lists.of(commandTests).stream().map(Command::asSchemaTwo).toList(),
                Lists.of(fileExistenceTests).stream().map(FileExistence::asSchemaTwo).toList(),
                fileContentTests, null, licenseTests, null);
    }
}
