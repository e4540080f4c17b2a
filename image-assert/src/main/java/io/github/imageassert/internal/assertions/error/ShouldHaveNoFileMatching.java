package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Files matching a forbidden glob are present; lists them with the layer that added each. */
public final class ShouldHaveNoFileMatching extends ImageMessages {

    public static ErrorMessageFactory shouldHaveNoFileMatching(LoadedImage image, String glob, List<Resolution> shown, int total) {
        List<String> evidence = shown.stream().map(r -> ImageEvidence.entry(image, r)).toList();
        return new ShouldHaveNoFileMatching(EXPECTING + "to have no file matching:%n  %s%nbut %s match:%s", image(image), glob, total,
                lines(evidence, total));
    }

    private ShouldHaveNoFileMatching(String format, Object... arguments) {
        super(format, arguments);
    }
}
