package io.github.imageassert.structure.internal.config;

import java.util.List;

/**
 * A whole config file of CST's schema 2.0.0; a config of schema 1.0.0 is read into the same records, and keeps its
 * {@code schemaVersion} so that the runner can tell.
 */
public record StructureConfig(String schemaVersion, List<EnvVar> globalEnvVars, List<CommandTest> commandTests,
                              List<FileExistenceTest> fileExistenceTests, List<FileContentTest> fileContentTests,
                              MetadataTest metadataTest, List<LicenseTest> licenseTests,
                              ContainerRunOptions containerRunOptions) {

    public StructureConfig {
        schemaVersion = Lists.text(schemaVersion);
        globalEnvVars = Lists.of(globalEnvVars);
        commandTests = Lists.of(commandTests);
        fileExistenceTests = Lists.of(fileExistenceTests);
        fileContentTests = Lists.of(fileContentTests);
        metadataTest = metadataTest == null ? MetadataTest.NONE : metadataTest;
        licenseTests = Lists.of(licenseTests);
        containerRunOptions = containerRunOptions == null ? ContainerRunOptions.NONE : containerRunOptions;
    }

    /** Schema 1.0.0: file content tests run before file existence tests, and paths are taken as written. */
    public boolean isSchemaOne() {
        return SchemaOne.VERSION.equals(schemaVersion);
    }
}
