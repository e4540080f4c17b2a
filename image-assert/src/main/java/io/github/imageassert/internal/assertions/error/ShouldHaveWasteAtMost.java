package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.analysis.Waste;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** The image ships more hidden (overwritten or deleted) bytes than allowed; lists the largest with their layers. */
public final class ShouldHaveWasteAtMost extends ImageMessages {

    public static ErrorMessageFactory shouldHaveWasteAtMost(LoadedImage image, DataSize max, Waste waste) {
        return new ShouldHaveWasteAtMost(EXPECTING + "to waste at most %s on files that later layers overwrite or delete%n"
                + "but it wastes %s (efficiency %s). Largest hidden copies:%s", image(image), plain(max.toString()),
                plain(ImageEvidence.size(max, waste.wastedBytes())), plain(ImageEvidence.percent(waste.efficiency())),
                plain(WasteEvidence.hiddenCopies(image, waste, max::format)));
    }

    private ShouldHaveWasteAtMost(String format, Object... arguments) {
        super(format, arguments);
    }
}
