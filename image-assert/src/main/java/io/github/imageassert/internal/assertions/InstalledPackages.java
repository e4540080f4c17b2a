package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldContainPackage.shouldContainPackage;
import static io.github.imageassert.internal.assertions.error.ShouldHavePackageVersion.shouldHavePackageVersion;
import static io.github.imageassert.internal.assertions.error.ShouldHavePackageVersionMatching.shouldHavePackageVersionMatching;
import static io.github.imageassert.internal.assertions.error.ShouldNotContainPackages.shouldNotContainPackages;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/**
 * Assertions on the packages of one kind an image holds. Names compare the ecosystem's way (PEP 503 for Python;
 * a jar answers to its artifactId).
 */
public final class InstalledPackages {

    private static final InstalledPackages INSTANCE = new InstalledPackages();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private InstalledPackages() {
    }

    public static InstalledPackages instance() {
        return INSTANCE;
    }

    public void assertContains(AssertionInfo info, LoadedImage image, Set<Ecosystem> ecosystems,
                               List<InstalledPackage> packages, String... names) {
        objects.assertNotNull(info, packages);
        for (String name : names) {
            named(info, image, ecosystems, packages, name);
        }
    }

    /** Some copy of the package (npm and jars may ship several) is at exactly {@code version}. */
    public void assertContainsVersion(AssertionInfo info, LoadedImage image, Set<Ecosystem> ecosystems,
                                      List<InstalledPackage> packages, String name, String version) {
        objects.assertNotNull(info, packages);
        List<InstalledPackage> found = named(info, image, ecosystems, packages, name);
        if (found.stream().noneMatch(p -> p.version().equals(version))) {
            throw failures.failure(info, shouldHavePackageVersion(image, ecosystems, name, version, found));
        }
    }

    /** Some copy of the package is at a version in which {@code regex} is found. */
    public void assertContainsVersionMatching(AssertionInfo info, LoadedImage image, Set<Ecosystem> ecosystems,
                                              List<InstalledPackage> packages, String name, String regex) {
        Pattern pattern = Pattern.compile(regex);
        objects.assertNotNull(info, packages);
        List<InstalledPackage> found = named(info, image, ecosystems, packages, name);
        if (found.stream().noneMatch(p -> pattern.matcher(p.version()).find())) {
            throw failures.failure(info, shouldHavePackageVersionMatching(image, ecosystems, name, regex, found));
        }
    }

    /** None of {@code names} is installed; the failure lists every one found. */
    public void assertDoesNotContain(AssertionInfo info, LoadedImage image, Set<Ecosystem> ecosystems,
                                     List<InstalledPackage> packages, String... names) {
        objects.assertNotNull(info, packages);
        List<InstalledPackage> found = new ArrayList<>();
        for (String name : names) {
            found.addAll(named(packages, name));
        }
        if (!found.isEmpty()) {
            throw failures.failure(info, shouldNotContainPackages(image, ecosystems, List.of(names), found));
        }
    }

    /** Every copy of the package, failing when there is none. */
    private List<InstalledPackage> named(AssertionInfo info, LoadedImage image, Set<Ecosystem> ecosystems,
                                         List<InstalledPackage> packages, String name) {
        List<InstalledPackage> found = named(packages, name);
        if (found.isEmpty()) {
            throw failures.failure(info, shouldContainPackage(image, ecosystems, name, packages));
        }
        return found;
    }

    private static List<InstalledPackage> named(List<InstalledPackage> packages, String name) {
        return packages.stream().filter(p -> p.hasName(name)).toList();
    }
}
