package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.List;
import java.util.Set;
import org.assertj.core.error.ErrorMessageFactory;

/** Packages that must not ship are installed; lists each with the layer that brought it. */
public final class ShouldNotContainPackages extends ImageMessages {

    public static ErrorMessageFactory shouldNotContainPackages(LoadedImage image, Set<Ecosystem> ecosystems, List<String> names,
                                                               List<InstalledPackage> found) {
        List<String> evidence = found.stream().map(p -> p + ", " + PackageEvidence.origin(image, p)).toList();
        return new ShouldNotContainPackages(EXPECTING + "to contain none of these %ss:%n  %s%nbut found:%s", image(image),
                plain(PackageEvidence.noun(ecosystems)), plain(names.toString()), lines(evidence, evidence.size()));
    }

    private ShouldNotContainPackages(String format, Object... arguments) {
        super(format, arguments);
    }
}
