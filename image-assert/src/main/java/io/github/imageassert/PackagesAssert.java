package io.github.imageassert;

import io.github.imageassert.internal.assertions.ImageFacts;
import static io.github.imageassert.internal.assertions.error.ShouldContainPackage.shouldContainPackage;
import static io.github.imageassert.internal.assertions.error.ShouldHavePackageVersion.shouldHavePackageVersion;
import static io.github.imageassert.internal.assertions.error.ShouldNotContainPackages.shouldNotContainPackages;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import io.github.imageassert.internal.packages.Packages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on the packages of one kind an image holds ({@link ContainerImageAssert#osPackages()},
 * {@code npmPackages()}, {@code pythonPackages()}, {@code javaArchives()}). Read once, when navigated to.
 */
public class PackagesAssert extends AbstractAssert<PackagesAssert, List<InstalledPackage>> {

    private final ContainerImage image;
    private final String noun;
    private final String lookedAt;

    PackagesAssert(ContainerImage image, String noun, String lookedAt, List<InstalledPackage> packages) {
        super(packages, PackagesAssert.class);
        this.image = image;
        this.noun = noun;
        this.lookedAt = lookedAt;
    }

    static PackagesAssert of(ContainerImage image, Ecosystem ecosystem) {
        boolean os = ecosystem == Ecosystem.DPKG || ecosystem == Ecosystem.APK;
        return os
                ? new PackagesAssert(image, "OS package", Packages.recordsLookedAt(ecosystem), Packages.os(image.loaded()))
                : new PackagesAssert(image, ecosystem.noun(), Packages.recordsLookedAt(ecosystem), Packages.of(image.loaded(), ecosystem));
    }

    /** Each name is installed (Python names compare the PEP 503 way; a jar answers to its artifactId). */
    public PackagesAssert contains(String... names) {
        for (String name : names) {
            if (named(name).isEmpty()) {
                throwAssertionError(shouldContainPackage(image.loaded(), noun, name, missingEvidence(name)));
            }
        }
        return myself;
    }

    /** The package is installed at exactly this version (any copy of it, for npm and jars that ship several). */
    public PackagesAssert containsVersion(String name, String version) {
        List<InstalledPackage> found = named(name);
        if (found.isEmpty()) {
            throwAssertionError(shouldContainPackage(image.loaded(), noun, name, missingEvidence(name)));
        }
        if (found.stream().noneMatch(p -> p.version().equals(version))) {
            throwAssertionError(shouldHavePackageVersion(image.loaded(), noun, name, version, versions(found)));
        }
        return myself;
    }

    /** The package is installed at a version matching {@code regex} (anywhere in it), e.g. {@code "^3\\.12\\."}. */
    public PackagesAssert containsVersionMatching(String name, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<InstalledPackage> found = named(name);
        if (found.isEmpty()) {
            throwAssertionError(shouldContainPackage(image.loaded(), noun, name, missingEvidence(name)));
        }
        if (found.stream().noneMatch(p -> pattern.matcher(p.version()).find())) {
            throwAssertionError(shouldHavePackageVersion(image.loaded(), noun, name, "matching " + regex, versions(found)));
        }
        return myself;
    }

    /** None of these is installed; reports every one found with the layer that brought it. */
    public PackagesAssert doesNotContain(String... names) {
        List<String> evidence = new ArrayList<>();
        for (String name : names) {
            named(name).forEach(p -> evidence.add(p + ", " + origin(p)));
        }
        if (!evidence.isEmpty()) {
            throwAssertionError(shouldNotContainPackages(image.loaded(), noun, Arrays.toString(names), evidence));
        }
        return myself;
    }

    /** The packages themselves, for any AssertJ list assertion. */
    public ListAssert<InstalledPackage> packages() {
        return new ListAssert<>(actual);
    }

    private List<InstalledPackage> named(String name) {
        return actual.stream().filter(p -> p.hasName(name)).toList();
    }

    private String versions(List<InstalledPackage> found) {
        List<String> lines = found.stream().map(p -> p.version() + " (" + origin(p) + ")").toList();
        return (lines.size() == 1 ? "it is at " : "its copies are at ") + String.join("; ", lines);
    }

    private String origin(InstalledPackage p) {
        boolean database = p.ecosystem() == Ecosystem.DPKG || p.ecosystem() == Ecosystem.APK;
        return (database ? "installed by " : "added by ") + ImageFacts.layer(image.loaded(), p.layer()) + ", recorded in " + p.location();
    }

    private String missingEvidence(String name) {
        if (actual.isEmpty()) {
            return "it has none (looked at " + lookedAt + ")";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> similar = actual.stream().map(InstalledPackage::name).distinct()
                .filter(n -> n.toLowerCase(Locale.ROOT).contains(lower) || lower.contains(n.toLowerCase(Locale.ROOT)))
                .limit(5).toList();
        return "none of its " + actual.size() + " " + noun + "s has that name"
                + (similar.isEmpty() ? "" : "; similar: " + String.join(", ", similar));
    }
}
