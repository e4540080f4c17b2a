package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** npm packages that only development needs are in the image. */
public final class ShouldNotShipDevDependencies extends ImageMessages {

    public static ErrorMessageFactory shouldNotShipDevDependencies(LoadedImage actual, String manifest, String modules, String packages, String verb, String direct, List<String> evidence) {
        return new ShouldNotShipDevDependencies(EXPECTING + "to ship no npm package that only development needs (per %s)%nbut %s under %s %s needed by no production dependency; %s:%s", image(actual), plain(manifest), plain(packages), plain(modules), plain(verb), plain(direct), lines(evidence, evidence.size()));
    }

    private ShouldNotShipDevDependencies(String format, Object... arguments) {
        super(format, arguments);
    }
}
