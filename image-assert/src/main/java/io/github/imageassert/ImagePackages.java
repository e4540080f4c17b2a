package io.github.imageassert;

import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.List;
import java.util.Set;

/**
 * The packages of one kind an image holds, as a {@link PackagesAssert} sees them: read once, when navigated to.
 *
 * @param image      the image
 * @param ecosystems the package records read: dpkg and apk together for OS packages, else one ecosystem
 * @param packages   what they list
 */
public record ImagePackages(ContainerImage image, Set<Ecosystem> ecosystems, List<InstalledPackage> packages) {

    public ImagePackages {
        ecosystems = Set.copyOf(ecosystems);
        packages = List.copyOf(packages);
    }

    @Override
    public String toString() {
        return packages.size() + " packages of " + image.description();
    }
}
