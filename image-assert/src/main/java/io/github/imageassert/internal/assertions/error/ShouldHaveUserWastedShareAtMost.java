package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.analysis.Waste;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** dive's highestUserWastedPercent rule is not met; lists the largest hidden copies with their layers. */
public final class ShouldHaveUserWastedShareAtMost extends ImageMessages {

    public static ErrorMessageFactory shouldHaveUserWastedShareAtMost(LoadedImage image, double max, Waste waste) {
        return new ShouldHaveUserWastedShareAtMost(EXPECTING + "to have wasted bytes of at most %s of what the layers above the "
                + "base add (dive's highestUserWastedPercent)%nbut it has %s of %s: it wastes %s on files that later layers "
                + "overwrite or delete. Largest hidden copies:%s", image(image), plain(ImageEvidence.percent(max)),
                plain(ImageEvidence.percent(waste.userWastedShare())), plain(DataSize.human(waste.userSize())),
                plain(WasteEvidence.wasted(waste)), plain(WasteEvidence.hiddenCopies(image, waste, DataSize::human)));
    }

    private ShouldHaveUserWastedShareAtMost(String format, Object... arguments) {
        super(format, arguments);
    }
}
