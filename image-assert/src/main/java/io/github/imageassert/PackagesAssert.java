package io.github.imageassert;

/**
 * Assertions on the packages of one kind an image holds, reached through {@link ContainerImageAssert#osPackages()},
 * {@code npmPackages()}, {@code pythonPackages()} or {@code javaArchives()}.
 */
public class PackagesAssert extends AbstractPackagesAssert<PackagesAssert> {

    /** Assertions on this packages of an image; a public constructor taking the actual is what soft proxies need. */
    public PackagesAssert(ImagePackages actual) {
        super(actual, PackagesAssert.class);
    }
}
