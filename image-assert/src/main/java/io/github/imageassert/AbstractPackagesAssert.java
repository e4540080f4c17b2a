package io.github.imageassert;

import io.github.imageassert.internal.assertions.InstalledPackages;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.function.Consumer;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on the packages of one kind an image holds, reached through
 * {@link AbstractContainerImageAssert#osPackages()}, {@code npmPackages()}, {@code pythonPackages()} or
 * {@code javaArchives()}. Extend it to add assertions of your own; {@link PackagesAssert} is the concrete class.
 *
 * @param <SELF> the concrete assertion class, returned by every assertion so that they chain
 */
public abstract class AbstractPackagesAssert<SELF extends AbstractPackagesAssert<SELF>>
        extends AbstractAssert<SELF, ImagePackages> {

    private final InstalledPackages installed = InstalledPackages.instance();

    /** How {@link #packages()} creates the list assert; the image assert this one was navigated from sets it. */
    Navigation navigation = Navigation.PLAIN;

    protected AbstractPackagesAssert(ImagePackages actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Each name is installed (Python names compare the PEP 503 way; a jar answers to its artifactId). */
    public SELF contains(String... names) {
        return check(image -> installed.assertContains(info, image, ecosystems(), installedPackages(), names), names);
    }

    /** The package is installed at exactly this version (any copy of it, for npm and jars that ship several). */
    public SELF containsVersion(String name, String version) {
        return check(image -> installed.assertContainsVersion(info, image, ecosystems(), installedPackages(), name, version), name, version);
    }

    /** The package is installed at a version matching {@code regex} (anywhere in it), e.g. {@code "^3\\.12\\."}. */
    public SELF containsVersionMatching(String name, String regex) {
        return check(image -> installed.assertContainsVersionMatching(info, image, ecosystems(), installedPackages(), name, regex), name, regex);
    }

    /** None of these is installed; reports every one found with the layer that brought it. */
    public SELF doesNotContain(String... names) {
        return check(image -> installed.assertDoesNotContain(info, image, ecosystems(), installedPackages(), names), names);
    }

    /** The packages themselves, for any AssertJ list assertion. */
    public ListAssert<InstalledPackage> packages() {
        navigation.require(() -> objects.assertNotNull(info, actual));
        return navigation.toList(this, installedPackages());
    }

    private LoadedImage image() {
        return actual == null ? null : actual.image().loaded();
    }

    /** Every assertion runs through here: it is what the run's report records (see {@link Recording}). */
    private SELF check(Consumer<LoadedImage> assertion, Object... arguments) {
        Recording.check(this, image(), actual == null ? "" : navigation(actual.ecosystems()), arguments, assertion);
        return myself;
    }

    /** {@code osPackages()}, {@code npmPackages()}...: how the test reached these packages. */
    private static String navigation(Set<Ecosystem> ecosystems) {
        if (ecosystems.contains(Ecosystem.DPKG) || ecosystems.contains(Ecosystem.APK)) {
            return "osPackages()";
        }
        return switch (ecosystems.iterator().next()) {
            case NPM -> "npmPackages()";
            case PYTHON -> "pythonPackages()";
            case JAVA -> "javaArchives()";
            default -> "packages()";
        };
    }

    private Set<Ecosystem> ecosystems() {
        return actual == null ? null : actual.ecosystems();
    }

    private List<InstalledPackage> installedPackages() {
        return actual == null ? null : actual.packages();
    }
}
