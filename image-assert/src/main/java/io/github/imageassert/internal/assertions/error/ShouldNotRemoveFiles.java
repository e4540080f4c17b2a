package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** An image lacks paths its base has; lists them with the layer of the base that added each. */
public final class ShouldNotRemoveFiles extends ImageMessages {

    /**
     * @param shown the lookups, in the base, of the first paths gone
     * @param total how many are gone
     */
    public static ErrorMessageFactory shouldNotRemoveFiles(LoadedImage image, LoadedImage base, List<Resolution> shown, int total) {
        List<String> evidence = shown.stream().map(r -> "- " + ImageEvidence.entry(base, r)).toList();
        return new ShouldNotRemoveFiles(EXPECTING + "to keep every path of image:%n  %s%nbut %s are gone:%s", image(image),
                image(base), total, lines(evidence, total));
    }

    private ShouldNotRemoveFiles(String format, Object... arguments) {
        super(format, arguments);
    }
}
