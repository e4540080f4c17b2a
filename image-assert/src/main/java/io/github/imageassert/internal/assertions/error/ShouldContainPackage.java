package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.List;
import java.util.Set;
import org.assertj.core.error.ErrorMessageFactory;

/** A package that must be installed is not; names similar ones, or the records read when there are none. */
public final class ShouldContainPackage extends ImageMessages {

    public static ErrorMessageFactory shouldContainPackage(LoadedImage image, Set<Ecosystem> ecosystems, String name,
                                                           List<InstalledPackage> packages) {
        return new ShouldContainPackage(EXPECTING + "to contain %s:%n  %s%nbut %s", image(image),
                plain(PackageEvidence.noun(ecosystems)), plain(name), plain(PackageEvidence.missing(ecosystems, name, packages)));
    }

    private ShouldContainPackage(String format, Object... arguments) {
        super(format, arguments);
    }
}
