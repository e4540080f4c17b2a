package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Package-manager caches were left in the image. */
public final class ShouldHaveNoPackageCaches extends ImageMessages {

    public static ErrorMessageFactory shouldHaveNoPackageCaches(LoadedImage actual, String totalSize, List<String> evidence) {
        return new ShouldHaveNoPackageCaches(EXPECTING + "to have no package-manager cache%nbut found %s (%s in all):%s", image(actual), evidence.size(), plain(totalSize), lines(evidence, evidence.size()));
    }

    private ShouldHaveNoPackageCaches(String format, Object... arguments) {
        super(format, arguments);
    }
}
