package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Packages that must not ship are installed; lists each with the layer that installed it. */
public final class ShouldNotContainPackages extends ImageMessages {

    public static ErrorMessageFactory shouldNotContainPackages(LoadedImage actual, String noun, String names, List<String> evidence) {
        return new ShouldNotContainPackages(EXPECTING + "to contain none of these %ss:%n  %s%nbut found:%s", image(actual), plain(noun), plain(names), lines(evidence, evidence.size()));
    }

    private ShouldNotContainPackages(String format, Object... arguments) {
        super(format, arguments);
    }
}
