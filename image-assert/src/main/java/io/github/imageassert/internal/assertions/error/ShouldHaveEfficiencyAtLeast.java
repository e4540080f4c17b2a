package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.analysis.Waste;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** dive's lowestEfficiency rule is not met; lists the largest hidden copies with their layers. */
public final class ShouldHaveEfficiencyAtLeast extends ImageMessages {

    public static ErrorMessageFactory shouldHaveEfficiencyAtLeast(LoadedImage image, double min, Waste waste) {
        return new ShouldHaveEfficiencyAtLeast(EXPECTING + "to have an efficiency of at least %s (dive's lowestEfficiency)%n"
                + "but it has an efficiency of %s: it wastes %s on files that later layers overwrite or delete. Largest hidden copies:%s",
                image(image), plain(ImageEvidence.percent(min)), plain(ImageEvidence.percent(waste.efficiency())),
                plain(WasteEvidence.wasted(waste)), plain(WasteEvidence.hiddenCopies(image, waste, DataSize::human)));
    }

    private ShouldHaveEfficiencyAtLeast(String format, Object... arguments) {
        super(format, arguments);
    }
}
