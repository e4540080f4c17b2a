package io.github.imageassert.structure.internal.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"image-assert-structure-tests " + (version == null ? "(development build)" : version)
                + ", reading container-structure-test schemas 2.0.0 and 1.0.0"};
    }
}
