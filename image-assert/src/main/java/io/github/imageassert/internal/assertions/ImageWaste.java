package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveEfficiencyAtLeast.shouldHaveEfficiencyAtLeast;
import static io.github.imageassert.internal.assertions.error.ShouldHaveUserWastedShareAtMost.shouldHaveUserWastedShareAtMost;
import static io.github.imageassert.internal.assertions.error.ShouldHaveWasteAtMost.shouldHaveWasteAtMost;

import io.github.imageassert.analysis.Waste;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.analysis.WasteAnalysis;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/** dive's three CI rules on the bytes an image ships that no container can see (see {@link Waste}). */
public final class ImageWaste {

    private static final ImageWaste INSTANCE = new ImageWaste();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private ImageWaste() {
    }

    public static ImageWaste instance() {
        return INSTANCE;
    }

    /** dive's {@code highestWastedBytes}. */
    public void assertHasWastedBytesAtMost(AssertionInfo info, LoadedImage image, DataSize max) {
        Waste waste = waste(info, image);
        if (waste.wastedBytes() > max.bytes()) {
            throw failures.failure(info, shouldHaveWasteAtMost(image, max, waste));
        }
    }

    /** dive's {@code lowestEfficiency}: {@code min} is a fraction between 0 and 1. */
    public void assertHasEfficiencyAtLeast(AssertionInfo info, LoadedImage image, double min) {
        if (!(min >= 0 && min <= 1)) {
            throw new IllegalArgumentException("Give a fraction between 0 and 1, like dive does: 0.95 for 95 %, not " + min);
        }
        Waste waste = waste(info, image);
        if (waste.efficiency() < min) {
            throw failures.failure(info, shouldHaveEfficiencyAtLeast(image, min, waste));
        }
    }

    /** dive's {@code highestUserWastedPercent}, which despite its name is a fraction, and may exceed 1. */
    public void assertHasUserWastedShareAtMost(AssertionInfo info, LoadedImage image, double max) {
        if (!(max >= 0)) {
            throw new IllegalArgumentException("Give a fraction like dive does: 0.1 for 10 %, not " + max);
        }
        Waste waste = waste(info, image);
        if (waste.userWastedShare() > max) {
            throw failures.failure(info, shouldHaveUserWastedShareAtMost(image, max, waste));
        }
    }

    private Waste waste(AssertionInfo info, LoadedImage image) {
        objects.assertNotNull(info, image);
        return WasteAnalysis.of(image);
    }
}
