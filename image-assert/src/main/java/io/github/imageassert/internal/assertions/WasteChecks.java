package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveEfficiency.shouldHaveEfficiency;
import static io.github.imageassert.internal.assertions.error.ShouldHaveWasteAtMost.shouldHaveWasteAtMost;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.analysis.Waste;
import io.github.imageassert.internal.analysis.WasteAnalysis;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import org.assertj.core.error.ErrorMessageFactory;

/** dive's three CI rules, each failing with the largest hidden copies and the layers that added and hid them. */
public final class WasteChecks {

    private static final int SHOWN = 10;

    private WasteChecks() {
    }

    public static Optional<ErrorMessageFactory> wastedBytesAtMost(LoadedImage image, DataSize max) {
        Waste waste = WasteAnalysis.of(image);
        if (waste.wastedBytes() <= max.bytes()) {
            return Optional.empty();
        }
        return Optional.of(shouldHaveWasteAtMost(image, max.toString(), bytes(waste, max::format), percent(waste.efficiency()),
                evidence(image, waste, max::format)));
    }

    public static Optional<ErrorMessageFactory> efficiencyAtLeast(LoadedImage image, double min) {
        Waste waste = WasteAnalysis.of(image);
        if (waste.efficiency() >= min) {
            return Optional.empty();
        }
        return Optional.of(shouldHaveEfficiency(image, "an efficiency of at least " + percent(min) + " (dive's lowestEfficiency)",
                "an efficiency of " + percent(waste.efficiency()), bytes(waste, DataSize::human),
                evidence(image, waste, DataSize::human)));
    }

    public static Optional<ErrorMessageFactory> userWastedShareAtMost(LoadedImage image, double max) {
        Waste waste = WasteAnalysis.of(image);
        if (waste.userWastedShare() <= max) {
            return Optional.empty();
        }
        return Optional.of(shouldHaveEfficiency(image,
                "wasted bytes of at most " + percent(max) + " of what the layers above the base add (dive's highestUserWastedPercent)",
                percent(waste.userWastedShare()) + " of " + DataSize.human(waste.userSize()), bytes(waste, DataSize::human),
                evidence(image, waste, DataSize::human)));
    }

    private static String bytes(Waste waste, LongFunction<String> format) {
        return format.apply(waste.wastedBytes()) + " (" + waste.wastedBytes() + " bytes)";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static String evidence(LoadedImage image, Waste waste, LongFunction<String> format) {
        StringBuilder out = new StringBuilder();
        waste.copies().stream().limit(SHOWN).forEach(r -> out.append(String.format("%n    "))
                .append(format.apply(r.entry().size())).append("  ").append(r.entry().path()).append(", added by ")
                .append(ImageFacts.layer(image, r.entry().layer())).append(", hidden by ")
                .append(ImageFacts.layer(image, r.removedBy())));
        if (waste.copies().size() > SHOWN) {
            out.append(String.format("%n    ... and %d more", waste.copies().size() - SHOWN));
        }
        return out.toString();
    }
}
