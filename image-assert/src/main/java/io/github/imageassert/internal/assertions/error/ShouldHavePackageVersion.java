package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.List;
import java.util.Set;
import org.assertj.core.error.ErrorMessageFactory;

/** A package is installed, but not at the version expected; lists the versions of every copy. */
public final class ShouldHavePackageVersion extends ImageMessages {

    public static ErrorMessageFactory shouldHavePackageVersion(LoadedImage image, Set<Ecosystem> ecosystems, String name,
                                                               String version, List<InstalledPackage> found) {
        return new ShouldHavePackageVersion(EXPECTING + "to contain %s:%n  %s%nat version:%n  %s%nbut %s", image(image),
                plain(PackageEvidence.noun(ecosystems)), plain(name), plain(version), plain(PackageEvidence.versions(image, found)));
    }

    private ShouldHavePackageVersion(String format, Object... arguments) {
        super(format, arguments);
    }
}
