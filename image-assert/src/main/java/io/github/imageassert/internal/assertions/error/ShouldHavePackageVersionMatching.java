package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.List;
import java.util.Set;
import org.assertj.core.error.ErrorMessageFactory;

/** A package is installed, but at no version matching a regex; lists the versions of every copy. */
public final class ShouldHavePackageVersionMatching extends ImageMessages {

    public static ErrorMessageFactory shouldHavePackageVersionMatching(LoadedImage image, Set<Ecosystem> ecosystems, String name,
                                                                       String regex, List<InstalledPackage> found) {
        return new ShouldHavePackageVersionMatching(EXPECTING + "to contain %s:%n  %s%nat version:%n  matching %s%nbut %s",
                image(image), plain(PackageEvidence.noun(ecosystems)), plain(name), plain(regex),
                plain(PackageEvidence.versions(image, found)));
    }

    private ShouldHavePackageVersionMatching(String format, Object... arguments) {
        super(format, arguments);
    }
}
